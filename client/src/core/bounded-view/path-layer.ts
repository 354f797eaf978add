/**
 * The paths the path finder shows, in a bounded view: a path can pass through entities and
 * relations the view does not hold, which the canvas cannot draw. They join the view as a
 * layer (expansion.ts ViewLayer) while the paths are shown, placed around the path's first
 * entity the view holds as an expansion's neighbours are around theirs, and leave with them. Pure:
 * api/path-layer.ts fetches the layer, bindings/use-expansions.ts composes it.
 */
import type { GraphData } from '../graph-data';

/** The most relations one request for a path layer names (the API's list arguments take 100). */
export const MAX_PATH_LAYER_RELATIONS = 100;

/** The shown paths' entities, in path order, and their relations (core/paths pathHighlight). */
export interface ShownPaths {
  entities: ReadonlySet<string>;
  relations: ReadonlySet<string>;
}

/**
 * The relations to fetch so that `view` holds the shown paths: those it lacks (with an end
 * it lacks, or not in it), sorted and at most MAX_PATH_LAYER_RELATIONS; none when it holds
 * them all. `view` is the view without the path layer, so that the layer, once in, does not
 * make itself unneeded.
 */
export function missingPathRelations(paths: ShownPaths | null, view: GraphData): string[] {
  if (!paths) return [];
  const missing = [...paths.relations].filter((id) => !view.relationById.has(id));
  return missing.sort().slice(0, MAX_PATH_LAYER_RELATIONS);
}

/** Where a path layer's entities are placed around: the first path entity the view holds, else the first. */
export function pathLayerAnchor(paths: ShownPaths, view: GraphData): string | null {
  let first: string | null = null;
  for (const id of paths.entities) {
    if (view.entityById.has(id)) return id;
    first ??= id;
  }
  return first;
}
