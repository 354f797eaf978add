/**
 * An entity's relations, a page at a time
 * =======================================
 *
 * A hub can take part in tens of thousands of relations, so `Entity.relations` is a cursor
 * connection: best supported first (most distinct sources, then most citations, then id, the
 * `byCorroboration` order paths use too), with the total and counts by relation type and by
 * the neighbour's entity type, so a client can say "50 of 8,790" and offer what to expand.
 *
 * Cost: the first page of an entity sorts its own relations once (O(d log d), d = its degree)
 * and keeps the order; every later page is a binary search to the cursor and a walk of the
 * page. Counts walk the entity's relations once per entity and direction, then are memoised.
 * Nothing here reads beyond the entity's own relations.
 */
import type { EntityRecord, RelationRecord } from '../data/model';
import { type GraphIndex, relationRecord } from './indexes';
import { InvalidArgumentError } from './invalid-argument';
import { type Direction, byCorroboration } from './relations';
import { decodeCursor, encodeCursor } from './pagination';

export interface EntityRelationsArgs {
  direction?: Direction | null;
  /** Only relations of these types. Counts ignore it: they say what each type would give. */
  types?: readonly string[] | null;
  /** Only relations whose other end is of these entity types. Counts ignore it too. */
  neighborTypes?: readonly string[] | null;
  first: number;
  after?: string | null;
}

export interface TypeCount {
  type: string;
  count: number;
}

export interface EntityRelationEdgeRecord {
  cursor: string;
  node: RelationRecord;
  /** The relation's other end. */
  neighbor: EntityRecord;
}

export interface EntityRelationsRecord {
  edges: EntityRelationEdgeRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Relations matching direction, types and neighbour types. */
  readonly totalCount: number;
  /** The entity's relations in `direction`, by relation type, largest first. */
  readonly countsByType: TypeCount[];
  /** The entity's relations in `direction`, by the neighbour's entity type, largest first. */
  readonly countsByEntityType: TypeCount[];
}

interface Facets {
  byType: TypeCount[];
  byEntityType: TypeCount[];
}

interface EntityMemo {
  ranked: Map<string, readonly RelationRecord[]>;
  facets: Map<string, Facets>;
}

/** Per index: orders and counts computed so far. Bounded by the graph: one entry per entity and direction. */
const memos = new WeakMap<GraphIndex, EntityMemo>();

function memoOf(index: GraphIndex): EntityMemo {
  let memo = memos.get(index);
  if (!memo) memos.set(index, (memo = { ranked: new Map(), facets: new Map() }));
  return memo;
}

/** The entity's relations, best supported first (empty for an unknown entity). */
export function rankedRelationsOf(index: GraphIndex, entityId: string): readonly RelationRecord[] {
  const memo = memoOf(index);
  let ranked = memo.ranked.get(entityId);
  if (!ranked) {
    ranked = (index.relationsByEntity.get(entityId) ?? []).map((id) => index.graph.getEdgeAttributes(id));
    (ranked as RelationRecord[]).sort(byCorroboration);
    memo.ranked.set(entityId, ranked);
  }
  return ranked;
}

/** One page of an entity's relations; see the module comment. */
export function entityRelationsPage(
  index: GraphIndex,
  entityId: string,
  args: EntityRelationsArgs,
): EntityRelationsRecord {
  const ranked = rankedRelationsOf(index, entityId);
  const direction = args.direction ?? 'ANY';
  const types = args.types == null ? null : new Set(args.types);
  const neighborTypes = args.neighborTypes == null ? null : new Set(args.neighborTypes);
  const inDirection = (relation: RelationRecord) =>
    direction === 'ANY' || (direction === 'OUTGOING' ? relation.subject === entityId : relation.object === entityId);
  const neighborOf = (relation: RelationRecord) =>
    index.graph.getNodeAttributes(relation.subject === entityId ? relation.object : relation.subject);
  const filtered = direction !== 'ANY' || types !== null || neighborTypes !== null;
  const matches = (relation: RelationRecord) =>
    inDirection(relation) &&
    (!types || types.has(relation.type)) &&
    (!neighborTypes || neighborTypes.has(neighborOf(relation).type));

  let position = 0;
  if (args.after != null) {
    const afterId = decodeCursor(args.after);
    const after = relationRecord(index, afterId);
    if (!after || (after.subject !== entityId && after.object !== entityId)) {
      throw new InvalidArgumentError(
        'after',
        "`after` is not a cursor of this entity's relations: pass the `endCursor` of a previous page of the same entity, or leave it out to start at the beginning.",
      );
    }
    position = firstIndexAfterRanked(ranked, after);
  }

  const edges: EntityRelationEdgeRecord[] = [];
  let hasNextPage = false;
  for (; position < ranked.length; position++) {
    const relation = ranked[position]!;
    if (filtered && !matches(relation)) continue;
    if (edges.length === args.first) {
      hasNextPage = true;
      break;
    }
    edges.push({ cursor: encodeCursor(relation.id), node: relation, neighbor: neighborOf(relation) });
  }

  let totalCount: number | undefined;
  let facets: Facets | undefined;
  const facetsOnce = () => (facets ??= facetsOf(index, entityId, direction, ranked, inDirection, neighborOf));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    get totalCount() {
      return (totalCount ??= filtered
        ? ranked.reduce((n, relation) => n + (matches(relation) ? 1 : 0), 0)
        : ranked.length);
    },
    get countsByType() {
      return facetsOnce().byType;
    },
    get countsByEntityType() {
      return facetsOnce().byEntityType;
    },
  };
}

/** Position of the first relation ranked after `after` (binary search: the order is total). */
function firstIndexAfterRanked(ranked: readonly RelationRecord[], after: RelationRecord): number {
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byCorroboration(ranked[middle]!, after) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function facetsOf(
  index: GraphIndex,
  entityId: string,
  direction: Direction,
  ranked: readonly RelationRecord[],
  inDirection: (relation: RelationRecord) => boolean,
  neighborOf: (relation: RelationRecord) => EntityRecord,
): Facets {
  const memo = memoOf(index);
  const key = `${direction} ${entityId}`;
  let facets = memo.facets.get(key);
  if (!facets) {
    const byType = new Map<string, number>();
    const byEntityType = new Map<string, number>();
    for (const relation of ranked) {
      if (!inDirection(relation)) continue;
      byType.set(relation.type, (byType.get(relation.type) ?? 0) + 1);
      const type = neighborOf(relation).type;
      byEntityType.set(type, (byEntityType.get(type) ?? 0) + 1);
    }
    facets = { byType: sortedCounts(byType), byEntityType: sortedCounts(byEntityType) };
    memo.facets.set(key, facets);
  }
  return facets;
}

/** Largest count first, then type id: a stable order for the client's lists. */
export function sortedCounts(counts: ReadonlyMap<string, number>): TypeCount[] {
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
