/**
 * Relay cursor pagination over sorted id lists
 * ============================================
 *
 * A cursor is the opaque base64url of the last id a page showed. Ids never move in the
 * sorted order, so a cursor stays valid between requests and "the page after X" is a
 * binary search: O(log n) to find the start, then O(page) work when the filter is served by
 * an index. Filters that no index serves are checked on candidates as the page is read.
 */
import { LRUCache } from 'lru-cache';

import { InvalidArgumentError } from './invalid-argument';

const CURSOR_PREFIX = 'after:';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when read: a page does not pay for counting everything that matches. */
  readonly totalCount: number;
}

export interface PageArgs {
  first: number;
  after?: string | null;
}

/**
 * Candidate ids for a page: the union of one or more sorted id lists (the lists a filter's
 * indexes give), and a predicate for the parts of the filter no chosen index covers.
 */
export interface Candidates {
  lists: readonly (readonly string[])[];
  /** True when no id is in two lists, so the count is the sum of the lengths. */
  disjoint: boolean;
  accepts?: (id: string) => boolean;
  /** Names the filter, to memoise its count in `countCache`; leave out to count every time. */
  countKey?: string;
}

/**
 * Budget of the memoised counts, in bytes: a key names a filter (up to a few kB of ids and
 * types), so the memo is bounded by what it keeps, not by its number of entries.
 */
export const COUNT_CACHE_BYTES = 2 * 1024 * 1024;

/** Memoised counts by filter key, least recently used dropped past COUNT_CACHE_BYTES. */
export function createCountCache(): LRUCache<string, number> {
  return new LRUCache<string, number>({ maxSize: COUNT_CACHE_BYTES, sizeCalculation: (_, key) => key.length * 2 + 16 });
}

export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id, 'utf8').toString('base64url');
}

/** The id a cursor stands for; a cursor this API did not make is an error naming `argument`. */
export function decodeCursor(cursor: string, argument = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw new InvalidArgumentError(
      argument,
      `\`${argument}\` is not a cursor of this list: pass the \`endCursor\` or an edge \`cursor\` of a previous page, or leave it out to start at the beginning.`,
    );
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

/** One page of the candidates after the cursor, mapped to records by `load`. */
export function paginate<T>(
  candidates: Candidates,
  args: PageArgs,
  load: (id: string) => T,
  countCache?: LRUCache<string, number>,
): Connection<T> {
  const afterId = args.after == null ? null : decodeCursor(args.after);
  const ids: string[] = [];
  let hasNextPage = false;
  for (const id of mergeSorted(candidates.lists, afterId)) {
    if (candidates.accepts && !candidates.accepts(id)) continue;
    if (ids.length === args.first) {
      hasNextPage = true;
      break;
    }
    ids.push(id);
  }

  let totalCount: number | undefined;
  return {
    edges: ids.map((id) => ({ cursor: encodeCursor(id), node: load(id) })),
    pageInfo: { hasNextPage, endCursor: ids.length > 0 ? encodeCursor(ids[ids.length - 1]!) : null },
    get totalCount() {
      return (totalCount ??= memoisedCount(candidates, countCache));
    },
  };
}

export function memoisedCount(candidates: Candidates, cache: LRUCache<string, number> | undefined): number {
  const key = candidates.countKey;
  if (!cache || key === undefined || !candidates.accepts) return countCandidates(candidates);
  let count = cache.get(key);
  if (count === undefined) {
    count = countCandidates(candidates);
    cache.set(key, count);
  }
  return count;
}

/** How many candidates pass: free for disjoint lists without a predicate, else one pass. */
export function countCandidates(candidates: Candidates): number {
  if (!candidates.accepts && (candidates.disjoint || candidates.lists.length <= 1)) {
    return candidates.lists.reduce((sum, list) => sum + list.length, 0);
  }
  let count = 0;
  for (const id of mergeSorted(candidates.lists, null)) if (!candidates.accepts || candidates.accepts(id)) count++;
  return count;
}

/**
 * The ids of several sorted lists in order, each once, starting after `afterId`. A k-way
 * merge by linear choice of the smallest head: k is the number of values in one filter
 * (a few types or sources), so a heap would cost more than it saves.
 */
export function* mergeSorted(lists: readonly (readonly string[])[], afterId: string | null): Generator<string> {
  const positions = lists.map((list) => (afterId === null ? 0 : firstIndexAfter(list, afterId)));
  if (lists.length === 1) {
    const list = lists[0]!;
    for (let i = positions[0]!; i < list.length; i++) yield list[i]!;
    return;
  }
  let previous: string | null = null;
  for (;;) {
    let smallest: string | null = null;
    let smallestList = -1;
    for (let k = 0; k < lists.length; k++) {
      const head = lists[k]![positions[k]!];
      if (head !== undefined && (smallest === null || head < smallest)) {
        smallest = head;
        smallestList = k;
      }
    }
    if (smallest === null) return;
    positions[smallestList]!++;
    if (smallest !== previous) yield smallest;
    previous = smallest;
  }
}

/** Index of the first element greater than `id` in a sorted list (binary search). */
export function firstIndexAfter(list: readonly string[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether a sorted list holds `id` (binary search). */
export function sortedHas(list: readonly string[], id: string): boolean {
  const index = firstIndexAfter(list, id) - 1;
  return index >= 0 && list[index] === id;
}
