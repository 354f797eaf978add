/**
 * A bounded overview of a large graph
 * ===================================
 *
 * What to draw first when the whole graph is too large to draw: the `maxEntities` entities
 * with the most support, and the best-supported relations among them, at most
 * `maxRelations`. An entity's support is the sum, over its relations, of each relation's
 * number of distinct sources: an entity many sources link to many others ranks first, a
 * heavily connected entity resting on one source each time ranks after a well-corroborated
 * one of the same degree. Ties go to the higher degree, then to the id, so the choice is
 * stable. Relations are chosen best supported first (sources, citations, id).
 *
 * Cost: the ranking of all entities is one pass over the relations and one sort, done once
 * per index (warm it at start-up with `prepareOverview`). An overview then reads only the
 * relations of the chosen entities, and is memoised per (maxEntities, maxRelations); every
 * size that holds the whole graph gets the same answer, and so the same layout
 * (overview-layout.ts), laid out once.
 */
import { types } from 'node:util';

import type { EntityRecord, RelationRecord } from '../data/model';
import { positionsOf } from '../data/positions';
import type { GraphIndex } from './indexes';
import { byCorroboration } from './relations';

export interface OverviewRecord {
  entities: EntityRecord[];
  relations: RelationRecord[];
  /** Entities and relations in the whole graph, for "500 of 50,000 shown". */
  totalEntities: number;
  totalRelations: number;
  /** True when the overview leaves out some entity or relation of the graph. */
  truncated: boolean;
}

interface OverviewMemo {
  /** Entity ids, most supported first. */
  ranking: readonly string[];
  /** The same as positions in index.entityIds, which a snapshot keeps (storedRanking). */
  order: Uint32Array;
  answers: Map<string, OverviewRecord>;
  /** The one answer every size that holds the whole graph gets (so its layout is made once). */
  whole?: OverviewRecord;
}

/** Memoised answers kept per index; a few sizes are asked in practice. */
const MAX_MEMOISED_ANSWERS = 16;
const memos = new WeakMap<GraphIndex, OverviewMemo>();

/**
 * Ranks the entities once; call at start-up so that no request pays for it. `stored`: what
 * storedRanking gave for the same graph, read back from a snapshot (a second at 10^6
 * relations); ignored unless it orders every entity of the index once.
 */
export function prepareOverview(index: GraphIndex, stored?: unknown): void {
  if (memos.has(index)) return;
  const order = isRankingOf(index, stored) ? stored : rankEntities(index);
  const ranking = Array.from(order, (position) => index.entityIds[position]!);
  memos.set(index, { ranking, order, answers: new Map() });
}

/** The entities' ranking, as a snapshot keeps it for prepareOverview. */
export function storedRanking(index: GraphIndex): Uint32Array {
  return memoOf(index).order;
}

function isRankingOf(index: GraphIndex, stored: unknown): stored is Uint32Array {
  if (!types.isUint32Array(stored) || stored.length !== index.entityIds.length) return false;
  const seen = new Uint8Array(stored.length);
  for (const position of stored) {
    if (position >= stored.length || seen[position]) return false;
    seen[position] = 1;
  }
  return true;
}

function memoOf(index: GraphIndex): OverviewMemo {
  prepareOverview(index);
  return memos.get(index)!;
}

function rankEntities(index: GraphIndex): Uint32Array {
  // Scores in typed arrays and a sort of positions: several times faster than a comparator
  // reading Maps, which matters at 10^5 entities and more.
  // One walk over the relations, each adding to both its ends (the entities whose
  // relationsByEntity list holds it): looking each relation up by id from its entities' lists
  // cost seconds at 10^6 relations.
  const ids = index.entityIds;
  const positions = positionsOf(ids);
  const support = new Float64Array(ids.length);
  const degree = new Float64Array(ids.length);
  const note = (entityId: string, sources: number) => {
    const position = positions.get(entityId)!;
    support[position]! += sources;
    degree[position]! += 1;
  };
  index.graph.forEachEdge((_id, relation, subject, object) => {
    note(subject, relation.sourceIds.length);
    if (object !== subject) note(object, relation.sourceIds.length);
  });
  // entityIds is sorted, so a tie on both scores keeps id order by position.
  return Uint32Array.from(ids.keys()).sort((a, b) => support[b]! - support[a]! || degree[b]! - degree[a]! || a - b);
}

/** The overview of at most `maxEntities` entities and `maxRelations` relations among them. */
export function overview(index: GraphIndex, maxEntities: number, maxRelations: number): OverviewRecord {
  const memo = memoOf(index);
  const key = `${maxEntities} ${maxRelations}`;
  const known = memo.answers.get(key);
  if (known) return known;

  const chosen = memo.ranking.slice(0, maxEntities);
  const inView = new Set(chosen);
  const candidates: RelationRecord[] = [];
  // The chosen entities' relations by position (index.groupedLists): the most connected
  // entities come first, and at 10^6 relations their lists hold hundreds of thousands.
  const { offsets, items } = index.groupedLists.relationsOfEntity;
  for (const position of memo.order.subarray(0, maxEntities)) {
    const entityId = index.entityIds[position]!;
    for (let k = offsets[position]!; k < offsets[position + 1]!; k++) {
      const relation = index.relationsInIdOrder[items[k]!]!;
      // Each relation once: from the end that comes first in the id order.
      const other = relation.subject === entityId ? relation.object : relation.subject;
      if (inView.has(other) && entityId < other) candidates.push(relation);
    }
  }
  candidates.sort(byCorroboration);
  const relations = candidates.slice(0, maxRelations);
  const truncated = chosen.length < index.entityIds.length || relations.length < index.relationIds.length;
  const answer: OverviewRecord = (!truncated && memo.whole) || {
    entities: chosen.map((id) => index.graph.getNodeAttributes(id)),
    relations,
    totalEntities: index.entityIds.length,
    totalRelations: index.relationIds.length,
    truncated,
  };
  if (!truncated) memo.whole = answer;
  if (memo.answers.size >= MAX_MEMOISED_ANSWERS) memo.answers.clear();
  memo.answers.set(key, answer);
  return answer;
}
