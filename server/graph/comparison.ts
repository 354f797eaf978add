/**
 * What two sources say alike and apart
 * ====================================
 *
 * The relations each source cites are sorted id lists (relationsBySource), so splitting them
 * into "only a", "only b" and "both" is one merge: O(|a| + |b|).
 */
import type { SourceComparisonRecord } from './results';
import { type GraphIndex, relationRecords } from './indexes';
import { InvalidArgumentError } from './invalid-argument';

/** The relations supported by source `a` only, by `b` only, and by both; each by id. */
export function compareSources(index: GraphIndex, aId: string, bId: string): SourceComparisonRecord {
  const { sources } = index.knowledgeGraph;
  for (const [argument, id] of [
    ['a', aId],
    ['b', bId],
  ] as const) {
    if (!sources.has(id)) {
      throw new InvalidArgumentError(
        argument,
        `No source has the id "${id}": pass one of ${index.sourceIds.map((s) => `"${s}"`).join(', ')} as \`${argument}\`.`,
      );
    }
  }
  const listA = index.relationsBySource.get(aId) ?? [];
  const listB = index.relationsBySource.get(bId) ?? [];
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  const both: string[] = [];
  let i = 0;
  let j = 0;
  while (i < listA.length || j < listB.length) {
    const a = listA[i];
    const b = listB[j];
    if (b === undefined || (a !== undefined && a < b)) {
      onlyA.push(a!);
      i++;
    } else if (a === undefined || b < a) {
      onlyB.push(b);
      j++;
    } else {
      both.push(a);
      i++;
      j++;
    }
  }
  return {
    a: sources.get(aId)!,
    b: sources.get(bId)!,
    onlyA: relationRecords(index, onlyA),
    onlyB: relationRecords(index, onlyB),
    both: relationRecords(index, both),
  };
}
