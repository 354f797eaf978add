/**
 * Direct manipulation of the canvas, as pure functions: which entities a lasso encloses,
 * which relations share a drawn bundle with a clicked one, what "show only these" keeps,
 * and the multi-selection's producers. The canvas controllers (views/explorer/canvas/) only
 * read pointer events and call these.
 */
import type { Visibility } from '../filters';
import type { GraphData } from '../graph-data';
import type { RenderGraph } from '../graph-building';

export interface Point {
  x: number;
  y: number;
}

/** Whether a point lies inside a polygon (even–odd rule, by casting a ray to the right). */
export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/** The entities whose centre the lasso encloses (a lasso of fewer than 3 points encloses nothing). */
export function entitiesInLasso(positions: ReadonlyMap<string, Point>, lasso: readonly Point[]): string[] {
  if (lasso.length < 3) return [];
  return [...positions].filter(([, point]) => insidePolygon(point, lasso)).map(([id]) => id);
}

/**
 * The visible relations drawn between the same two entities as `relationId` (either way
 * round), the clicked one first, then by id: when there are several, a click on their bundle asks which.
 */
export function bundleOf(graph: RenderGraph, relationId: string, visibility: Visibility): string[] {
  if (!graph.hasEdge(relationId)) return [];
  const [source, target] = graph.extremities(relationId);
  // Both ways round, each once (graphology's answer for a pair may already hold both directions).
  const others = new Set([...graph.edges(source, target), ...graph.edges(target, source)]);
  others.delete(relationId);
  return [relationId, ...[...others].filter((id) => visibility.relations.has(id)).sort()];
}

/** "Show only these": the chosen entities and the relations among them. */
export function onlyScope(data: GraphData, ids: readonly string[]): Visibility {
  const entities = new Set(ids);
  const relations = new Set<string>();
  for (const relation of data.relations) {
    if (entities.has(relation.subjectId) && entities.has(relation.objectId)) relations.add(relation.id);
  }
  return { entities, relations };
}

/** Both scopes at once (a focus and "only these"): what both keep. */
export function intersectScopes(a: Visibility | null, b: Visibility | null): Visibility | null {
  if (!a || !b) return a ?? b;
  return {
    entities: new Set([...a.entities].filter((id) => b.entities.has(id))),
    relations: new Set([...a.relations].filter((id) => b.relations.has(id))),
  };
}

/** Several entities chosen on the canvas (shift-click, lasso), in the order chosen. */
export type MultiSelection = readonly string[];

type MultiProducer = (selection: MultiSelection) => MultiSelection;

/** Adds an entity, or takes it out when it is already chosen. */
export const toggleInSelection =
  (id: string): MultiProducer =>
  (selection) =>
    selection.includes(id) ? selection.filter((other) => other !== id) : [...selection, id];

/** Adds entities (a lasso), each once. */
export const addToSelection =
  (ids: readonly string[]): MultiProducer =>
  (selection) => [...selection, ...ids.filter((id) => !selection.includes(id))];

export const clearMultiSelection = (): MultiProducer => () => [];
