/**
 * The bounded view: above a size the explorer stops loading and laying out the whole graph
 * (sigma's authors advise staying under about 10^4 nodes and 10^5 edges, and the layout
 * worker takes minutes long before that) and opens on the API's overview instead, saying
 * what it leaves out. Pure: the loader (api/load-graph.ts) asks the API, this decides.
 */
import { formatCount } from '../counts';

/**
 * Graphs larger than this, in entities or in relations, open on a bounded view. Chosen from
 * measurements (issue 9): 1,000 entities / 2,000 relations draw in about 7 s, 10,000 / 20,000
 * take over 30 s, so the whole graph stays drawable up to here and no further.
 */
export const BOUNDED_VIEW_THRESHOLD = { entities: 2_000, relations: 5_000 } as const;

export type GraphScope = 'whole' | 'bounded';

/** The graph's size as the API counts it (Query.stats or Query.dataset). */
export interface GraphSize {
  entityCount: number;
  relationCount: number;
}

/** Whole when the graph is within the threshold in both entities and relations; bounded otherwise. */
export function chooseGraphScope(size: GraphSize, threshold = BOUNDED_VIEW_THRESHOLD): GraphScope {
  return size.entityCount > threshold.entities || size.relationCount > threshold.relations ? 'bounded' : 'whole';
}

/** What a bounded view holds against the whole graph. */
export interface BoundedTotals {
  totalEntities: number;
  totalRelations: number;
}

/** "500 of 50,000 entities" (or "all 12 entities" when nothing is left out). */
export function shownOf(shown: number, total: number, one: string, many: string): string {
  const noun = total === 1 ? one : many;
  return shown >= total
    ? `all ${formatCount(total)} ${noun}`
    : `${formatCount(shown)} of ${formatCount(total)} ${noun}`;
}

/**
 * The status line's note for a bounded view: short, for the header ("500 of 50,000 entities
 * shown"), and in full, for its title ("… · 2,000 of 100,000 relations shown").
 */
export function describeBoundedView(
  shown: { entities: number; relations: number },
  totals: BoundedTotals,
): { short: string; full: string } {
  const entities = shownOf(shown.entities, totals.totalEntities, 'entity', 'entities');
  const relations = shownOf(shown.relations, totals.totalRelations, 'relation', 'relations');
  return { short: `${entities} shown`, full: `${entities} · ${relations} shown` };
}

/**
 * At most this many corroboration pips in one row: a row draws one pip per source only while
 * that stays readable; with hundreds of sources it would cost one DOM node per source per row.
 */
export const MAX_PIPS = 10;

/**
 * The pips of a fact supported by `count` of `total` sources: one per source up to MAX_PIPS;
 * past that, MAX_PIPS pips filled one per supporting source up to MAX_PIPS (the text beside
 * them gives the exact count).
 */
export function boundedPips(count: number, total: number): { pips: number; filled: number } {
  const pips = Math.min(Math.max(total, 0), MAX_PIPS);
  return { pips, filled: Math.min(Math.max(count, 0), pips) };
}
