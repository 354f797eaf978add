/**
 * Pages of the lists an index keeps in order
 * ==========================================
 *
 * Every list of the API that grows with the graph (a source's citations, relations, claims and
 * entities; an entity's claims, sources and disagreements; the sources; two sources compared)
 * is one of the index's lists, already in a stable order, served as a Relay connection like
 * `Entity.relations`. The cursor names the last item a page showed by its key (an id, or a key
 * unique within the list), so it survives a rebuilt index better than a position would.
 *
 * Cost: finding the cursor is a binary search when the list is sorted by its keys (id lists),
 * else a lookup in a key → position map built once per list the first time it is paged past
 * its first page (memoised by the list, which the index never changes). A page then walks what
 * it shows, plus the items a predicate (`accepts`) refuses on the way.
 */
import type { LRUCache } from 'lru-cache';

import { compareStrings } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type Connection, type PageArgs, decodeCursor, encodeCursor } from './pagination';

export interface ListOrder<T> {
  /** The item's cursor key: unique within the list. */
  keyOf: (item: T) => string;
  /** True when the list is sorted by `keyOf` (UTF-16 code units), so a cursor is a binary search. */
  sortedByKey?: boolean;
}

export interface ListFilter<T> {
  /** Only items it accepts are shown and counted. */
  accepts?: (item: T) => boolean;
  /** Names the list and predicate, to memoise the filtered count in `countCache`. */
  countKey?: string;
  countCache?: LRUCache<string, number>;
}

/** Key → position of a list that is not sorted by key, built on first use. */
const positionsByList = new WeakMap<readonly unknown[], Map<string, number>>();

function positionOf<T>(list: readonly T[], order: ListOrder<T>, key: string): number {
  if (order.sortedByKey) {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStrings(order.keyOf(list[middle]!), key) < 0) low = middle + 1;
      else high = middle;
    }
    return low < list.length && order.keyOf(list[low]!) === key ? low : -1;
  }
  let positions = positionsByList.get(list);
  if (!positions) {
    positions = new Map(list.map((item, position) => [order.keyOf(item), position]));
    positionsByList.set(list, positions);
  }
  return positions.get(key) ?? -1;
}

/** Where the page after `after` starts in `list`; a cursor of another list is an error naming `after`. */
export function startAfter<T>(list: readonly T[], order: ListOrder<T>, after: string | null | undefined): number {
  if (after == null) return 0;
  const position = positionOf(list, order, decodeCursor(after));
  if (position < 0) {
    throw new InvalidArgumentError(
      'after',
      '`after` is not a cursor of this list: pass the `endCursor` or an edge `cursor` of a previous page of the same list, or leave it out to start at the beginning.',
    );
  }
  return position + 1;
}

/** One page of `list` after the cursor, each item mapped to its node by `load`. */
export function listPage<T, N = T>(
  list: readonly T[],
  page: PageArgs,
  order: ListOrder<T>,
  load: (item: T) => N,
  filter: ListFilter<T> = {},
): Connection<N> {
  const { accepts } = filter;
  const shown: T[] = [];
  let hasNextPage = false;
  for (let position = startAfter(list, order, page.after); position < list.length; position++) {
    const item = list[position]!;
    if (accepts && !accepts(item)) continue;
    if (shown.length === page.first) {
      hasNextPage = true;
      break;
    }
    shown.push(item);
  }
  const edges = shown.map((item) => ({ cursor: encodeCursor(order.keyOf(item)), node: load(item) }));
  let totalCount: number | undefined;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    get totalCount() {
      return (totalCount ??= accepts ? filteredCount(list, accepts, filter) : list.length);
    },
  };
}

function filteredCount<T>(list: readonly T[], accepts: (item: T) => boolean, filter: ListFilter<T>): number {
  const cached = filter.countKey === undefined ? undefined : filter.countCache?.get(filter.countKey);
  if (cached !== undefined) return cached;
  let count = 0;
  for (const item of list) if (accepts(item)) count++;
  if (filter.countKey !== undefined) filter.countCache?.set(filter.countKey, count);
  return count;
}

/** The order of a sorted id list: the id is the key. */
export const ID_ORDER: ListOrder<string> = { keyOf: (id) => id, sortedByKey: true };

/** The order of records sorted by id. */
export const RECORD_ID_ORDER: ListOrder<{ id: string }> = { keyOf: (record) => record.id, sortedByKey: true };
