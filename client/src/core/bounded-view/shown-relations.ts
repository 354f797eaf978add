/**
 * Relations the explorer shows by name, in a bounded view: the path finder's paths (which can
 * pass through entities the view does not hold) and a selected relation (a link, or a quote
 * in the source reader, names any relation). The canvas can only draw what the view holds, so
 * what it lacks of them joins the view as a layer (expansion.ts ViewLayer) while they are
 * shown, placed around an entity of theirs the view holds as an expansion's neighbours are
 * around theirs, and leaves with them. Pure: api/shown-relations.ts fetches the layer,
 * bindings/use-expansions.ts composes it.
 */
import type { GraphData, RelationEdge } from '../graph-data';

/** The most relations one request for the layer names (the API's list arguments take 100). */
export const MAX_SHOWN_RELATIONS = 100;

/** Relations shown by name, and the entities they are shown with (a path's, in path order). */
export interface ShownRelations {
  entities: ReadonlySet<string>;
  relations: ReadonlySet<string>;
}

/** The shown relations of the path finder's paths and of the selection, together (null when neither shows any). */
export function shownRelations(paths: ShownRelations | null, selectedRelation: string | null): ShownRelations | null {
  if (!selectedRelation) return paths;
  return {
    entities: paths?.entities ?? new Set(),
    relations: new Set([...(paths?.relations ?? []), selectedRelation]),
  };
}

/**
 * The relations to fetch so that `view` holds the shown ones: those it lacks, sorted, at most
 * MAX_SHOWN_RELATIONS; none when it holds them all. `view` is the view without this layer, so
 * that the layer, once in, does not make itself unneeded.
 */
export function missingRelations(shown: ShownRelations | null, view: GraphData): string[] {
  if (!shown) return [];
  const missing = [...shown.relations].filter((id) => !view.relationById.has(id));
  return missing.sort().slice(0, MAX_SHOWN_RELATIONS);
}

/**
 * Where the layer's entities are placed around: the first shown entity the view holds, else
 * the first end of a fetched relation it holds, else the first shown entity (or none).
 */
export function shownRelationsAnchor(
  shown: ShownRelations,
  relations: readonly RelationEdge[],
  view: GraphData,
): string | null {
  const ends = relations.flatMap((relation) => [relation.subjectId, relation.objectId]);
  const candidates = [...shown.entities, ...ends];
  return candidates.find((id) => view.entityById.has(id)) ?? candidates[0] ?? null;
}
