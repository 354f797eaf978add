/**
 * Source comparison: two chosen sources, and which relations only one of them supports or
 * both do (Query.compareSources), turned into classes the graph's reducers colour by.
 */

/** The two sources being compared; either may still be unchosen. */
export interface CompareState {
  a: string | null;
  b: string | null;
}

/** Which of the two sources support a relation. */
export type CompareSide = 'a' | 'b' | 'both';

type CompareProducer = (compare: CompareState | null) => CompareState | null;

export const setCompareSource =
  (side: 'a' | 'b', sourceId: string | null): CompareProducer =>
  (compare) => {
    const next = { ...(compare ?? { a: null, b: null }), [side]: sourceId };
    return next.a === null && next.b === null ? null : next;
  };

export const swapCompareSources = (): CompareProducer => (compare) => (compare ? { a: compare.b, b: compare.a } : null);

export const clearCompare = (): CompareProducer => () => null;

/** True when two different sources are chosen and the API can be asked. */
export const isCompareComplete = (compare: CompareState | null): compare is CompareState & { a: string; b: string } =>
  compare !== null && compare.a !== null && compare.b !== null && compare.a !== compare.b;

/** The relation ids of a comparison, as Query.compareSources answers. */
export interface ComparisonIds {
  onlyA: readonly string[];
  onlyB: readonly string[];
  both: readonly string[];
}

/**
 * The comparison of two sources over the relations loaded in the browser: the rule of
 * Query.compareSources (a relation is on a source's side when that source is among its
 * supporting sources), read from each relation's `sourceIds`, so the graph colours what it
 * draws without fetching every relation the two sources support.
 */
export function compareLoadedRelations(
  relations: readonly { id: string; sourceIds: readonly string[] }[],
  a: string,
  b: string,
): ComparisonIds {
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  const both: string[] = [];
  for (const relation of relations) {
    const inA = relation.sourceIds.includes(a);
    const inB = relation.sourceIds.includes(b);
    if (inA && inB) both.push(relation.id);
    else if (inA) onlyA.push(relation.id);
    else if (inB) onlyB.push(relation.id);
  }
  return { onlyA, onlyB, both };
}

/** What the graph draws for a comparison: a side per relation and per entity at their ends. */
export interface ComparisonHighlight {
  relations: Map<string, CompareSide>;
  /**
   * Entities at the ends of compared relations: on one side when every compared relation
   * they take part in is on that side, else "both".
   */
  entities: Map<string, CompareSide>;
  counts: Record<CompareSide, number>;
}

/**
 * Classifies relations and their entities. `ends` gives a relation's subject and object;
 * relations it does not know (not in the loaded graph) are left out.
 */
export function classifyComparison(
  comparison: ComparisonIds,
  ends: (relationId: string) => readonly [string, string] | undefined,
): ComparisonHighlight {
  const relations = new Map<string, CompareSide>();
  const entities = new Map<string, CompareSide>();
  const counts: Record<CompareSide, number> = { a: 0, b: 0, both: 0 };
  const add = (ids: readonly string[], side: CompareSide) => {
    for (const id of ids) {
      const pair = ends(id);
      if (!pair || relations.has(id)) continue;
      relations.set(id, side);
      counts[side] += 1;
      for (const entity of pair) {
        const current = entities.get(entity);
        entities.set(entity, current === undefined || current === side ? side : 'both');
      }
    }
  };
  add(comparison.both, 'both');
  add(comparison.onlyA, 'a');
  add(comparison.onlyB, 'b');
  return { relations, entities, counts };
}
