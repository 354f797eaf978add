/**
 * What two sources say alike and apart
 * ====================================
 *
 * The relations each source cites are sorted id lists (relationsBySource), so "only in a",
 * "only in b" and "both" are pages of one list filtered by a binary search in the other:
 * a page costs what it walks, times log |other|, and never the whole of both lists. Totals
 * walk the list once (O(|list| log |other|)) and are memoised per pair in the count cache.
 */
import type { RelationRecord } from '../data/model';
import type { GraphIndex } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { ID_ORDER, listPage } from './list-pages';
import { type Connection, type PageArgs, sortedHas } from './pagination';
import type { SourceComparisonRecord } from './results';

export type ComparisonPart = 'onlyA' | 'onlyB' | 'both';

/** The comparison of sources `a` and `b`; an unknown id is an error naming its argument. */
export function compareSources(index: GraphIndex, aId: string, bId: string): SourceComparisonRecord {
  const { sources } = index.knowledgeGraph;
  for (const [argument, id] of [
    ['a', aId],
    ['b', bId],
  ] as const) {
    if (!sources.has(id)) {
      throw new InvalidArgumentError(
        argument,
        `No source has the id "${id}": pass the id of a source (see \`sources\`) as \`${argument}\`.`,
      );
    }
  }
  return { a: sources.get(aId)!, b: sources.get(bId)! };
}

/** A page of the relations supported by `a` only, by `b` only, or by both; each by id. */
export function comparisonPage(
  index: GraphIndex,
  comparison: SourceComparisonRecord,
  part: ComparisonPart,
  page: PageArgs,
): Connection<RelationRecord> {
  const listA = index.relationsBySource.get(comparison.a.id) ?? [];
  const listB = index.relationsBySource.get(comparison.b.id) ?? [];
  let list: readonly string[];
  let accepts: (id: string) => boolean;
  if (part === 'both') {
    // Walk the shorter list, look up in the longer.
    const [walked, other] = listA.length <= listB.length ? [listA, listB] : [listB, listA];
    list = walked;
    accepts = (id) => sortedHas(other, id);
  } else {
    const [walked, other] = part === 'onlyA' ? [listA, listB] : [listB, listA];
    list = walked;
    accepts = (id) => !sortedHas(other, id);
  }
  return listPage(list, page, ID_ORDER, (id) => index.graph.getEdgeAttributes(id), {
    accepts,
    countKey: `compare ${part} ${JSON.stringify([comparison.a.id, comparison.b.id])}`,
    countCache: index.countCache,
  });
}
