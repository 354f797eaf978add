/**
 * The timeline: how many dated relations and entity statements fall in each month or year,
 * and the dated statements about entities in date order, with their quotes (paged).
 *
 * The histogram keeps every part of the filter but its time range, so the time bar shows
 * where the data lies whatever range is chosen. Its counts read the relations the filter's
 * indexes give (time.ts has the spans) and are memoised per filter, as the graph never changes.
 */
import { LRUCache } from 'lru-cache';

import type { RelationRecord } from '../data/model';

import { type GraphIndex } from './indexes';
import { type ListOrder, listPage } from './list-pages';
import { type Connection, type PageArgs, mergeSorted, paginate } from './pagination';
import { type RelationFilter, relationCandidates } from './relations';
import { type Span, type TimelineEventRecord, readTimeRange, spanOverlaps } from './time';

export type TimeBucket = 'MONTH' | 'YEAR';

export interface TimelinePeriod {
  /** `YYYY-MM` or `YYYY`. */
  period: string;
  relations: number;
  events: number;
}

export interface TimelineCounts {
  periods: TimelinePeriod[];
  datedRelations: number;
  undatedRelations: number;
}

/** Memo of the counts per bucket and filter: a few hundred periods each, so bounded by entries. */
const countsCache = new WeakMap<GraphIndex, LRUCache<string, TimelineCounts>>();

/** The day a span is counted on: its first, or its last when it is open before. */
const countedDay = (span: Span) => span.first ?? span.last!;

/** Dated relations and entity statements per period, in period order, with the undated relations counted apart. */
export function timelineCounts(
  index: GraphIndex,
  bucket: TimeBucket,
  filter: RelationFilter | null | undefined,
): TimelineCounts {
  const withoutRange: RelationFilter = { ...(filter ?? {}), during: null };
  const key = `${bucket} ${JSON.stringify(withoutRange)}`;
  let cache = countsCache.get(index);
  if (!cache) countsCache.set(index, (cache = new LRUCache({ max: 200 })));
  const cached = cache.get(key);
  if (cached) return cached;

  const periodOf = (day: string) => (bucket === 'YEAR' ? day.slice(0, 4) : day.slice(0, 7));
  const periods = new Map<string, TimelinePeriod>();
  const at = (period: string) => {
    let entry = periods.get(period);
    if (!entry) periods.set(period, (entry = { period, relations: 0, events: 0 }));
    return entry;
  };
  const candidates = relationCandidates(index, withoutRange);
  let datedRelations = 0;
  let undatedRelations = 0;
  for (const id of mergeSorted(candidates.lists, null)) {
    if (candidates.accepts && !candidates.accepts(id)) continue;
    const span = index.time.relationSpan(id);
    if (!span) {
      undatedRelations++;
      continue;
    }
    datedRelations++;
    at(periodOf(countedDay(span))).relations++;
  }
  const entityTypes = filter?.entityTypes == null ? null : new Set(filter.entityTypes);
  for (const event of index.time.events.get().byKey.values()) {
    if (entityTypes && !entityTypes.has(index.graph.getNodeAttribute(event.entityId, 'type'))) continue;
    at(periodOf(event.day)).events++;
  }
  const counts = {
    periods: [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
    datedRelations,
    undatedRelations,
  };
  cache.set(key, counts);
  return counts;
}

/**
 * A page of the dated statements about entities, in date order: those in the filter's time
 * range when it has one, of its entity types when it names them.
 */
export function timelineEvents(
  index: GraphIndex,
  filter: RelationFilter | null | undefined,
  page: PageArgs,
): Connection<TimelineEventRecord> {
  const range = filter?.during == null ? null : readTimeRange(filter.during);
  const entityTypes = filter?.entityTypes == null ? null : new Set(filter.entityTypes);
  const { byKey: events, keys } = index.time.events.get();
  const accepts =
    range || entityTypes
      ? (key: string) => {
          const event = events.get(key)!;
          if (entityTypes && !entityTypes.has(index.graph.getNodeAttribute(event.entityId, 'type'))) return false;
          return (
            !range ||
            spanOverlaps({ first: event.statement.first, last: event.statement.last, inherited: false }, range)
          );
        }
      : undefined;
  return paginate(
    {
      lists: [keys],
      disjoint: true,
      accepts,
      countKey: accepts ? `timeline events ${JSON.stringify([range, filter?.entityTypes ?? null])}` : undefined,
    },
    page,
    (key) => events.get(key)!,
    index.countCache,
  );
}

/** What `Query.timeline` resolves to: its fields read the counts and events for this bucket and filter. */
export interface TimelineRecord {
  bucket: TimeBucket;
  filter: RelationFilter | null | undefined;
}

/** Per index: each entity's dated relations in date order, sorted on its first request. */
const entityTimelines = new WeakMap<GraphIndex, Map<string, readonly RelationRecord[]>>();

/** An entity's dated relations (own or inherited span) in date order, then by id: its panel's timeline. */
function datedRelationsOf(index: GraphIndex, entityId: string): readonly RelationRecord[] {
  let memo = entityTimelines.get(index);
  if (!memo) entityTimelines.set(index, (memo = new Map()));
  let relations = memo.get(entityId);
  if (!relations) {
    const dated: { id: string; day: string }[] = [];
    for (const id of index.relationsByEntity.get(entityId) ?? []) {
      const span = index.time.relationSpan(id);
      if (span) dated.push({ id, day: countedDay(span) });
    }
    dated.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    relations = dated.map(({ id }) => index.graph.getEdgeAttributes(id));
    memo.set(entityId, relations);
  }
  return relations;
}

/** A page of an entity's dated relations in date order (see datedRelationsOf). */
export function entityTimeline(index: GraphIndex, entityId: string, page: PageArgs): Connection<RelationRecord> {
  return listPage(datedRelationsOf(index, entityId), page, RELATION_ORDER, (relation) => relation);
}

/** Relations keyed by id in a list not sorted by it: a cursor is a position lookup. */
const RELATION_ORDER: ListOrder<RelationRecord> = { keyOf: (relation) => relation.id };
