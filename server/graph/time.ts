/**
 * When things happened and held
 * =============================
 *
 * Every entity and relation gets a *span*: the first and last day its time statements cover
 * (the hull of all of them: where two sources disagree, both dates stay in). A relation the
 * articles do not date itself takes the span its ends with closed dates share: "ISIS-K
 * carried out the airport attack" happened when the attack did (ISIS-K's open "since 2014"
 * dates none of its relations). Whatever has no span is undated, and a time
 * range neither keeps nor drops it by itself: the range's `includeUndated` flag decides.
 *
 * Range queries read buckets built once, after the server is ready: short spans are listed
 * under each month they touch, long ones (a year or more, or open-ended) under each year, so a
 * range reads the months and years it covers and checks the exact days on those candidates
 * only. The sorted union for a range is memoised (byte-bounded), so paging through a range
 * merges once.
 */
import { LRUCache } from 'lru-cache';

import type { EntityGraph, RelationRecord, TimeRecord } from '../data/model';
import { parseIsoDate } from '../data/time';
import { GradualIndex, ITEMS_PER_STEP } from './deferred-index';
import { InvalidArgumentError } from './invalid-argument';

/** One dated statement about an entity: a line of the timeline. */
export interface TimelineEventRecord {
  entityId: string;
  statement: TimeRecord;
  /** The day it sorts by: its first day, or its last when it is open before. */
  day: string;
}

/** First and last day (`YYYY-MM-DD`); null where the span is open. */
export interface Span {
  first: string | null;
  last: string | null;
  /** True when a relation's span comes from its dated ends, not from its own statements. */
  inherited: boolean;
}

/** A time range as the API takes it: ISO dates of any precision, either end optional. */
export interface TimeRangeInput {
  from?: string | null;
  to?: string | null;
  /** Whether undated items pass the range (they are neither in nor out of it). */
  includeUndated?: boolean | null;
}

/** A range read into days: `from` is the first day of its date, `to` the last of its. */
export interface DayRange {
  from: string | null;
  to: string | null;
  includeUndated: boolean;
}

export interface TimeIndex {
  /** An entity's span, worked out from its statements when asked; null when it has none. */
  entitySpan(id: string): Span | null;
  /** A relation's span, its own or inherited from its ends (see relationSpanOf); null when undated. */
  relationSpan(id: string): Span | null;
  /** Every relation id, sorted: read whole when a range's buckets would hold most of them. */
  readonly relationIds: readonly string[];
  /** What a range reads (see TimeBuckets); built after the server is ready. */
  readonly buckets: GradualIndex<TimeBuckets>;
  /** The timeline's dated statements (see TimelineEvents); built after the server is ready. */
  readonly events: GradualIndex<TimelineEvents>;
  /** Memo of the sorted candidates per range (see relationsInRange). */
  readonly rangeCache: LRUCache<string, readonly string[]>;
}

export interface TimeBuckets {
  /** Sorted ids of the relations that have no span. */
  readonly undatedRelationIds: readonly string[];
  /** `YYYY-MM` → sorted ids of relations with a short span touching that month. */
  readonly relationsByMonth: ReadonlyMap<string, readonly string[]>;
  /** `YYYY` → sorted ids of relations with a long or open span touching that year. */
  readonly relationsByYear: ReadonlyMap<string, readonly string[]>;
  /** The earliest and latest day any closed date names; open ends reach to these. */
  readonly bounds: { first: string; last: string } | null;
}

export interface TimelineEvents {
  /** Every time statement of an entity, by a key that sorts in date order (see the build). */
  readonly byKey: ReadonlyMap<string, TimelineEventRecord>;
  /** The keys of `byKey`, sorted: date order, then entity id, then position. */
  readonly keys: readonly string[];
}

/** Bytes of sorted id lists the range memo keeps: a few thousand months' worth at 10^5 relations. */
const RANGE_CACHE_BYTES = 16 * 1024 * 1024;

/** The hull of some time statements, or null when there are none. */
export function spanOf(statements: readonly TimeRecord[]): Span | null {
  if (statements.length === 0) return null;
  let first: string | null = statements[0]!.first;
  let last: string | null = statements[0]!.last;
  for (const statement of statements) {
    first = first === null || statement.first === null ? null : statement.first < first ? statement.first : first;
    last = last === null || statement.last === null ? null : statement.last > last ? statement.last : last;
  }
  return { first, last, inherited: false };
}

/** The days two spans share: what a relation between two dated things inherits. */
function shared(a: Span, b: Span): Span {
  const first = a.first === null ? b.first : b.first === null ? a.first : a.first > b.first ? a.first : b.first;
  const last = a.last === null ? b.last : b.last === null ? a.last : a.last < b.last ? a.last : b.last;
  // Ends that do not overlap (a source's slip) keep the later start as a point, not an empty span.
  if (first !== null && last !== null && first > last) return { first, last: first, inherited: true };
  return { first, last, inherited: true };
}

/** Whether a span overlaps a range; open ends reach forever. */
export function spanOverlaps(span: Span, range: DayRange): boolean {
  return (
    (range.to === null || span.first === null || span.first <= range.to) &&
    (range.from === null || span.last === null || span.last >= range.from)
  );
}

/** Reads a range argument, or throws an error naming the part at fault. */
export function readTimeRange(input: TimeRangeInput, argument = 'filter.during'): DayRange {
  const day = (part: 'from' | 'to') => {
    const text = input[part];
    if (text == null) return null;
    const parsed = parseIsoDate(text);
    if (typeof parsed === 'string') throw new InvalidArgumentError(`${argument}.${part}`, parsed);
    return part === 'from' ? parsed.first : parsed.last;
  };
  const range = { from: day('from'), to: day('to'), includeUndated: Boolean(input.includeUndated) };
  if (range.from !== null && range.to !== null && range.from > range.to) {
    throw new InvalidArgumentError(`${argument}.to`, `the range ends (${input.to}) before it starts (${input.from})`);
  }
  return range;
}

const month = (day: string) => day.slice(0, 7);
const year = (day: string) => day.slice(0, 4);

function nextMonth(value: string): string {
  const [y, m] = value.split('-').map(Number) as [number, number];
  return m === 12
    ? `${String(y + 1).padStart(4, '0')}-01`
    : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/** Spans of at least this many months (or open) go to year buckets, to keep the month lists short. */
const LONG_SPAN_MONTHS = 12;

function monthsBetween(first: string, last: string): number {
  return (Number(year(last)) - Number(year(first))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
}

/**
 * The span a relation's own statements give, else the one its ends with closed spans share
 * (only closed spans date a relation: an organisation "from 2015 on" does not say when each
 * of its relations held, but an attack on one day says when it was carried out).
 */
function relationSpanOf(relation: RelationRecord, entitySpan: (id: string) => Span | null): Span | null {
  const own = spanOf(relation.time ?? []);
  if (own) return own;
  const closed = (span: Span | null) => (span && span.first !== null && span.last !== null ? span : null);
  const subject = closed(entitySpan(relation.subject));
  const object = closed(entitySpan(relation.object));
  if (subject && object) return shared(subject, object);
  const end = subject ?? object;
  return end ? { ...end, inherited: true } : null;
}

/**
 * The time index; call once at load with relation ids in sorted order, and their records in the
 * same order. Spans are worked out when asked (a few comparisons over a record's statements):
 * a map of a million spans cost every start-up about a second and its memory. The buckets and
 * the timeline's events are built after the server is ready (GradualIndex).
 */
export function buildTimeIndex(
  graph: EntityGraph,
  entityIds: readonly string[],
  relationIds: readonly string[],
  relations: readonly RelationRecord[],
): TimeIndex {
  const entitySpan = (id: string) => (graph.hasNode(id) ? spanOf(graph.getNodeAttribute(id, 'time') ?? []) : null);
  const relationSpan = (id: string) =>
    graph.hasEdge(id) ? relationSpanOf(graph.getEdgeAttributes(id), entitySpan) : null;
  return {
    entitySpan,
    relationSpan,
    relationIds,
    buckets: new GradualIndex(() => buildBuckets(entityIds, relationIds, relations, entitySpan)),
    events: new GradualIndex(() => buildEvents(graph, entityIds)),
    rangeCache: new LRUCache<string, readonly string[]>({
      maxSize: RANGE_CACHE_BYTES,
      sizeCalculation: (list) => list.length * 8 + 64,
    }),
  };
}

/**
 * Short spans are filed under each month they touch, long ones (a year or more, or open-ended)
 * under each year, open ends reaching to the bounds of every closed date.
 */
function* buildBuckets(
  entityIds: readonly string[],
  relationIds: readonly string[],
  relations: readonly RelationRecord[],
  entitySpan: (id: string) => Span | null,
): Generator<void, TimeBuckets> {
  let bounds: { first: string; last: string } | null = null;
  const widen = (day: string | null) => {
    if (day === null) return;
    if (!bounds) bounds = { first: day, last: day };
    else if (day < bounds.first) bounds.first = day;
    else if (day > bounds.last) bounds.last = day;
  };
  for (let i = 0; i < entityIds.length; i++) {
    const span = entitySpan(entityIds[i]!);
    if (span) {
      widen(span.first);
      widen(span.last);
    }
    if (i % ITEMS_PER_STEP === 0) yield;
  }
  // The spans by position in relationIds, for the second pass: made once, dropped with the build.
  const spans = new Array<Span | null>(relationIds.length);
  const undatedRelationIds: string[] = [];
  for (let i = 0; i < relationIds.length; i++) {
    const span = relationSpanOf(relations[i]!, entitySpan);
    spans[i] = span;
    if (span) {
      widen(span.first);
      widen(span.last);
    } else undatedRelationIds.push(relationIds[i]!);
    if (i % ITEMS_PER_STEP === 0) yield;
  }

  const relationsByMonth = new Map<string, string[]>();
  const relationsByYear = new Map<string, string[]>();
  const known = bounds as { first: string; last: string } | null;
  if (known) {
    for (let i = 0; i < relationIds.length; i++) {
      const [id, span] = [relationIds[i]!, spans[i]];
      if (i % ITEMS_PER_STEP === 0) yield;
      if (!span) continue;
      const first = span.first ?? known.first;
      const last = span.last ?? known.last;
      if (span.first === null || span.last === null || monthsBetween(first, last) >= LONG_SPAN_MONTHS) {
        for (let y = Number(year(first)); y <= Number(year(last)); y++)
          push(relationsByYear, String(y).padStart(4, '0'), id);
      } else if (month(first) === month(last)) {
        // Most spans: one month (a date "in May 2019").
        push(relationsByMonth, month(first), id);
      } else {
        for (let m = month(first); m <= month(last); m = nextMonth(m)) push(relationsByMonth, m, id);
      }
    }
  }
  return { undatedRelationIds, relationsByMonth, relationsByYear, bounds: known };
}

/** Every time statement of an entity, keyed `day, entity id, position` so that keys sort in date order. */
function* buildEvents(graph: EntityGraph, entityIds: readonly string[]): Generator<void, TimelineEvents> {
  const byKey = new Map<string, TimelineEventRecord>();
  for (let i = 0; i < entityIds.length; i++) {
    const id = entityIds[i]!;
    (graph.getNodeAttribute(id, 'time') ?? []).forEach((statement, position) => {
      const day = statement.first ?? statement.last!;
      byKey.set(`${day}\u0000${id}\u0000${String(position).padStart(4, '0')}`, { entityId: id, statement, day });
    });
    if (i % ITEMS_PER_STEP === 0) yield;
  }
  // One sort: not in slices, but a few hundred thousand keys at most per 10^6 relations.
  return { byKey, keys: [...byKey.keys()].sort() };
}

/**
 * Sorted ids of the relations whose span overlaps the range (and the undated ones when the
 * range includes them): the months and years the range covers give the candidates, the
 * exact days decide. Memoised per range.
 */
export function relationsInRange(time: TimeIndex, range: DayRange): readonly string[] {
  const key = `${range.from}|${range.to}|${range.includeUndated}`;
  const cached = time.rangeCache.get(key);
  if (cached) return cached;
  const { bounds, relationsByMonth, relationsByYear, undatedRelationIds } = time.buckets.get();
  const found = new Set<string>();
  const buckets: (readonly string[])[] = [];
  if (bounds) {
    // Clamp to the data: buckets stop where the dates do (open spans are filed up to the bounds).
    const clamp = (day: string) => (day < bounds.first ? bounds.first : day > bounds.last ? bounds.last : day);
    const from = clamp(range.from ?? bounds.first);
    const to = clamp(range.to ?? bounds.last);
    if (from <= to) {
      for (let m = month(from); m <= month(to); m = nextMonth(m)) buckets.push(relationsByMonth.get(m) ?? []);
      for (let y = Number(year(from)); y <= Number(year(to)); y++) {
        buckets.push(relationsByYear.get(String(y).padStart(4, '0')) ?? []);
      }
    }
  }
  const candidates = buckets.reduce((sum, bucket) => sum + bucket.length, 0);
  let ids: string[];
  if (candidates * 3 > time.relationIds.length) {
    // Most of the graph is a candidate (a wide range, or many long spans): one pass over the
    // sorted ids costs less than merging and sorting the buckets.
    ids = time.relationIds.filter((id) => relationInRange(time, id, range));
  } else {
    for (const bucket of buckets) for (const id of bucket) found.add(id);
    ids = [...found].filter((id) => spanOverlaps(time.relationSpan(id)!, range));
    if (range.includeUndated) ids.push(...undatedRelationIds);
    ids.sort();
  }
  time.rangeCache.set(key, ids);
  return ids;
}

/** Whether a relation passes a range: its span overlaps it, or it is undated and the range includes those. */
export function relationInRange(time: TimeIndex, id: string, range: DayRange): boolean {
  const span = time.relationSpan(id);
  return span ? spanOverlaps(span, range) : range.includeUndated;
}

function push(map: Map<string, string[]>, key: string, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
