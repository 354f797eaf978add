/**
 * Entities and relations in a chosen order
 * ========================================
 *
 * A table sorts by a column and pages through the result. Each order is computed once per
 * index and field, on first use (O(n log n): about a second for 10^6 relations by name), and
 * kept as the ids in that order with each id's rank. A page of a filter in an order:
 *
 * - when the filter's candidates (the index lists relations.ts / entities.ts choose) are few,
 *   sorts them by rank: O(c log c) for c candidates, whatever the graph's size;
 * - else walks the whole order from the cursor and keeps what passes the filter: the work
 *   follows the page size over the filter's selectivity, not the graph's size.
 *
 * The cursor is a position in the whole order (ranked-cursor.ts), so both ways agree on where
 * the next page starts. Ties go by id, so the order is total and stable; descending reverses
 * it, ties included.
 */
import type { EntityRecord, RelationRecord } from '../data/model';
import { type EntityFilter, entityCandidates } from './entities';
import { type GraphIndex, compareStrings, degreeOf } from './indexes';
import { type Candidates, memoisedCount, mergeSorted, sortedHas } from './pagination';
import { encodeRankCursor, offsetAfter } from './ranked-cursor';
import { type RelationFilter, relationCandidates } from './relations';
import { foldText } from './text-folding';
import { relationTypeLabel } from './vocabulary';

export type SortDirection = 'ASC' | 'DESC';
export type RelationOrderField = 'ID' | 'SUBJECT' | 'TYPE' | 'OBJECT' | 'CORROBORATION';
export type EntityOrderField = 'ID' | 'NAME' | 'TYPE' | 'DEGREE' | 'SOURCES';

export interface Order<Field extends string> {
  field: Field;
  direction?: SortDirection | null;
}

/**
 * Up to this many candidates a page sorts them rather than walking the whole order: sorting
 * 20,000 ids by rank takes a few milliseconds, about what walking 10^5 ids of a sparse filter costs.
 */
export const SORT_CANDIDATES_AT_MOST = 20_000;

interface Ordering {
  /** Ids in ascending order. */
  ids: readonly string[];
  /** Id → position in `ids`. */
  rank: ReadonlyMap<string, number>;
}

const orderings = new WeakMap<GraphIndex, Map<string, Ordering>>();

/** The ordering named `key`, sorted by the key `keyOf` gives each id (computed once per id), ties by id. */
function orderingOf<K extends string | number>(
  index: GraphIndex,
  key: string,
  ids: readonly string[],
  keyOf: (id: string) => K,
): Ordering {
  let byKey = orderings.get(index);
  if (!byKey) orderings.set(index, (byKey = new Map()));
  let ordering = byKey.get(key);
  if (!ordering) {
    const keys = new Map(ids.map((id) => [id, keyOf(id)]));
    const sorted = [...ids].sort((a, b) => {
      const ka = keys.get(a)!;
      const kb = keys.get(b)!;
      return ka < kb ? -1 : ka > kb ? 1 : compareStrings(a, b);
    });
    ordering = { ids: sorted, rank: new Map(sorted.map((id, position) => [id, position])) };
    byKey.set(key, ordering);
  }
  return ordering;
}

/** Room for counts up to 10^9 in a key that sorts as text. */
const padded = (count: number) => String(count).padStart(10, '0');

function relationOrdering(index: GraphIndex, field: RelationOrderField): Ordering {
  const ids = index.relationIds;
  const relation = (id: string): RelationRecord => index.graph.getEdgeAttributes(id);
  const name = (id: string): string => foldText(index.graph.getNodeAttribute(id, 'name'));
  const keyOf: Record<RelationOrderField, (id: string) => string> = {
    ID: () => '',
    SUBJECT: (id) => name(relation(id).subject),
    OBJECT: (id) => name(relation(id).object),
    TYPE: (id) => foldText(relationTypeLabel(index, relation(id).type)),
    // Fewest sources first, then fewest citations: descending is "best supported first".
    CORROBORATION: (id) => `${padded(relation(id).sourceIds.length)} ${padded(relation(id).citations.length)}`,
  };
  return orderingOf(index, `relations ${field}`, ids, keyOf[field]);
}

function entityOrdering(index: GraphIndex, field: EntityOrderField): Ordering {
  const ids = index.entityIds;
  const entity = (id: string): EntityRecord => index.graph.getNodeAttributes(id);
  const keyOf: Record<EntityOrderField, (id: string) => string | number> = {
    ID: () => '',
    NAME: (id) => foldText(entity(id).name),
    TYPE: (id) => entity(id).type,
    DEGREE: (id) => degreeOf(index, id),
    SOURCES: (id) => index.sourceIdsByEntity.countOf(id),
  };
  return orderingOf(index, `entities ${field}`, ids, keyOf[field]);
}

export interface OrderedConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly totalCount: number;
}

/** One page of the candidates in an ordering, after a cursor (a position in the ordering). */
function orderedPage<T>(
  index: GraphIndex,
  candidates: Candidates,
  ordering: Ordering,
  direction: SortDirection,
  page: { first: number; after?: string | null },
  load: (id: string) => T,
  sortCandidatesAtMost: number,
): OrderedConnection<T> {
  const total = ordering.ids.length;
  const start = offsetAfter(page.after);
  // Position p of the asked direction is this position of the ascending ordering.
  const ascending = (p: number) => (direction === 'ASC' ? p : total - 1 - p);
  const positionOf = (id: string) => ascending(ordering.rank.get(id)!);
  const found: number[] = [];
  let hasNextPage = false;

  const whole = candidates.lists.length === 1 && candidates.lists[0]!.length === total;
  const size = candidates.lists.reduce((sum, list) => sum + list.length, 0);
  if (!whole && size <= sortCandidatesAtMost) {
    const positions: number[] = [];
    for (const id of mergeSorted(candidates.lists, null)) {
      if (candidates.accepts && !candidates.accepts(id)) continue;
      const position = positionOf(id);
      if (position >= start) positions.push(position);
    }
    positions.sort((a, b) => a - b);
    found.push(...positions.slice(0, page.first));
    hasNextPage = positions.length > page.first;
  } else {
    const passes = (id: string) =>
      (whole || candidates.lists.some((list) => sortedHas(list, id))) &&
      (!candidates.accepts || candidates.accepts(id));
    for (let position = start; position < total; position++) {
      if (!passes(ordering.ids[ascending(position)]!)) continue;
      if (found.length === page.first) {
        hasNextPage = true;
        break;
      }
      found.push(position);
    }
  }

  const edges = found.map((position) => ({
    cursor: encodeRankCursor(position),
    node: load(ordering.ids[ascending(position)]!),
  }));
  let totalCount: number | undefined;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    get totalCount() {
      return (totalCount ??= memoisedCount(candidates, index.countCache));
    },
  };
}

/** A page of the relations matching the filter, in the order asked (`sortCandidatesAtMost` for tests of both ways). */
export function orderedRelationsPage(
  index: GraphIndex,
  filter: RelationFilter | null | undefined,
  order: Order<RelationOrderField>,
  page: { first: number; after?: string | null },
  sortCandidatesAtMost = SORT_CANDIDATES_AT_MOST,
): OrderedConnection<RelationRecord> {
  return orderedPage(
    index,
    relationCandidates(index, filter ?? {}),
    relationOrdering(index, order.field),
    order.direction ?? 'ASC',
    page,
    (id) => index.graph.getEdgeAttributes(id),
    sortCandidatesAtMost,
  );
}

/** A page of the entities matching the filter, in the order asked (`sortCandidatesAtMost` as for relations). */
export function orderedEntitiesPage(
  index: GraphIndex,
  filter: EntityFilter | null | undefined,
  order: Order<EntityOrderField>,
  page: { first: number; after?: string | null },
  sortCandidatesAtMost = SORT_CANDIDATES_AT_MOST,
): OrderedConnection<EntityRecord> {
  return orderedPage(
    index,
    entityCandidates(index, filter ?? {}),
    entityOrdering(index, order.field),
    order.direction ?? 'ASC',
    page,
    (id) => index.graph.getNodeAttributes(id),
    sortCandidatesAtMost,
  );
}
