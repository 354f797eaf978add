/**
 * Graph indexes
 * =============
 *
 * Everything the graph queries look up, built once at start-up from the loaded knowledge
 * graph and never changed afterwards. What the first answers do not need waits: the two
 * search indexes, read only by searches and most of the cost, are built after the server is
 * ready, and a search awaits them; so are the citations by source, the time buckets, the
 * timeline's events and the statement index, which a query that comes first finishes on the
 * spot (deferred-index.ts);
 * the lists per entity and per source are each made when first asked for (keyed-lists.ts).
 * Each query then reads the smallest list that answers it instead of scanning the graph:
 * building costs O(R log R) time and a few references per relation of memory (R =
 * relations), so a page of a million-relation graph costs what the page holds, not what the
 * graph holds.
 *
 * Every id list is sorted by UTF-16 code units (`Array.prototype.sort()` without a
 * comparator), the order cursors and binary searches rely on.
 */
import { types } from 'node:util';

import type { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';

import type {
  CitationRecord,
  ClaimRecord,
  EntityGraph,
  EntityRecord,
  KnowledgeGraph,
  RelationRecord,
  SourceRecord,
} from '../data/model';
import { positionsOf } from '../data/positions';
import { DeferredIndex, GradualIndex, ITEMS_PER_STEP, inSlices } from './deferred-index';
import { type KeyedLists, ListsByKey, type PositionGroups } from './keyed-lists';
import { type FullTextIndex, buildFullTextIndex } from './full-text-index';
import { createCountCache } from './pagination';
import { type StatementIndex, buildStatementIndex } from './statements';
import { compactText, foldText } from './text-folding';
import { type TimeIndex, buildTimeIndex } from './time';

/** What the search index holds per entity. */
export interface SearchDocument {
  id: string;
  name: string;
  /** Every alias, one per line. */
  aliases: string;
  /** Name and aliases with punctuation and spaces removed, one per line ("iskp", "isisk"). */
  compact: string;
}

export interface GraphIndex {
  readonly knowledgeGraph: KnowledgeGraph;
  readonly graph: EntityGraph;

  // Sorted ids ------------------------------------------------------------------------------
  readonly entityIds: readonly string[];
  readonly relationIds: readonly string[];
  readonly sourceIds: readonly string[];
  /** The records of relationIds, in the same order: a relation by its position, without a lookup by id. */
  readonly relationsInIdOrder: readonly RelationRecord[];

  // Entities ----------------------------------------------------------------------------------
  /** Entity type id → sorted entity ids. */
  readonly entitiesByType: ReadonlyMap<string, readonly string[]>;
  /** Source id → sorted ids of the entities in the relations and claims it supports. */
  readonly entitiesBySource: KeyedLists<string>;
  /** Entity id → folded name and aliases, one per line, for the `text` filter (see FoldedNames). */
  readonly entityText: FoldedNames;
  /** Entity id → sorted ids of the sources behind its relations and claims. */
  readonly sourceIdsByEntity: KeyedLists<string>;

  // Relations ---------------------------------------------------------------------------------
  /** Relation type id → sorted relation ids. */
  readonly relationsByType: ReadonlyMap<string, readonly string[]>;
  /** Source id → sorted ids of the relations it cites. */
  readonly relationsBySource: KeyedLists<string>;
  /** Entity id → sorted ids of the relations it is subject or object of. */
  readonly relationsByEntity: KeyedLists<string>;
  /** Index k → sorted ids of the relations supported by exactly k distinct sources. */
  readonly relationsByCorroboration: readonly (readonly string[])[];

  // Claims and citations ----------------------------------------------------------------------
  /** Entity id → its claims, by attribute, value, then id. */
  readonly claimsByEntity: ReadonlyMap<string, readonly ClaimRecord[]>;
  /** Source id → the claims it supports, by id. */
  readonly claimsBySource: ReadonlyMap<string, readonly ClaimRecord[]>;
  /** Source id → every citation into it, by start offset. Built after the server is ready. */
  readonly citationsBySource: GradualIndex<ReadonlyMap<string, readonly CitationRecord[]>>;

  /** Relations by voice (own voice, unhedged) and each speaker's statements: see statements.ts. Built after the server is ready. */
  readonly statements: GradualIndex<StatementIndex>;
  /** Spans of entities and relations, relations by month and year, the timeline's events: see time.ts. */
  readonly time: TimeIndex;

  // Search and counts -------------------------------------------------------------------------
  /** Names and aliases (search.ts); built after the server is ready. */
  readonly searchIndex: DeferredIndex<MiniSearch<SearchDocument>>;
  readonly entityTypeCounts: ReadonlyMap<string, number>;
  readonly relationTypeCounts: ReadonlyMap<string, number>;
  readonly citationCount: number;
  /** Source id → how many citations (of relations and claims) quote it; absent when none. */
  readonly citationCountBySource: ReadonlyMap<string, number>;
  /** Names, descriptions, relation labels and quotes, and the sources' sentences (full-text-index.ts); built after the server is ready. */
  readonly fullText: DeferredIndex<FullTextIndex>;

  /**
   * Memo of filtered totals (see pagination.ts): a client paging through a filter asks for
   * `totalCount` on every page, and the answer cannot change, as the index never does.
   */
  readonly countCache: LRUCache<string, number>;
  /** The grouped lists the per-entity and per-source maps were made from: kept for a snapshot (storedGroupedLists), read by position. */
  readonly groupedLists: GroupedLists;
}

/**
 * Builds every index over the knowledge graph; call once at start-up. The search indexes are
 * built on first use, or when buildDeferredIndexes is called once the server is ready.
 */
export function buildGraphIndex(knowledgeGraph: KnowledgeGraph, stored?: unknown): GraphIndex {
  const { graph, sources, claims } = knowledgeGraph;

  const entityIds = graph.nodes().sort();
  // Kept in id order by a snapshot: a restart neither sorts the ids nor looks each record up.
  const kept = relationsInKeptOrder(stored, graph);
  const relationIds = kept?.ids ?? graph.edges().sort();
  const sourceIds = [...sources.keys()].sort();

  const entitiesByType = new Map<string, string[]>();
  for (const id of entityIds) push(entitiesByType, graph.getNodeAttribute(id, 'type'), id);

  // Walking relation ids in sorted order keeps every list below sorted without a sort.
  const relations = kept?.records ?? relationIds.map((id) => graph.getEdgeAttributes(id));
  const relationsByType = new Map<string, string[]>();
  const relationsByCorroboration: string[][] = [];
  for (let i = 0; i < relations.length; i++) {
    const relation = relations[i]!;
    push(relationsByType, relation.type, relationIds[i]!);
    (relationsByCorroboration[relation.sourceIds.length] ??= []).push(relationIds[i]!);
  }
  for (let k = 0; k < relationsByCorroboration.length; k++) relationsByCorroboration[k] ??= [];

  const claimsInIdOrder = [...claims.values()].sort(byId);
  const claimsByEntity = new Map<string, ClaimRecord[]>();
  const claimsBySource = new Map<string, ClaimRecord[]>();
  for (const claim of claimsInIdOrder) {
    push(claimsByEntity, claim.entity, claim);
    for (const sourceId of claim.sourceIds) push(claimsBySource, sourceId, claim);
  }
  for (const list of claimsByEntity.values()) list.sort(byAttributeValueId);
  const citationsBySource = new GradualIndex(() => groupCitationsBySource(relations, claimsInIdOrder));

  const grouped =
    readGroupedLists(stored, entityIds.length, relationIds.length) ??
    groupLists(knowledgeGraph, entityIds, sourceIds, relations, claimsByEntity);
  const { sourceKeys, relationsOfEntity, relationsOfSource, sourcesOfEntity, entitiesOfSource } = grouped;
  const { citationCountBySource, citationCount } = countCitations(grouped, claimsInIdOrder);

  const relationsByEntity = new ListsByKey(entityIds, relationsOfEntity, relationIds);
  const relationsBySource = new ListsByKey(sourceKeys, relationsOfSource, relationIds);
  const sourceIdsByEntity = new ListsByKey(entityIds, sourcesOfEntity, sourceKeys);
  const entitiesBySource = new ListsByKey(sourceKeys, entitiesOfSource, entityIds);

  const entityTypeCounts = new Map([...entitiesByType].map(([type, ids]) => [type, ids.length]));
  const relationTypeCounts = new Map([...relationsByType].map(([type, ids]) => [type, ids.length]));

  return {
    knowledgeGraph,
    graph,
    entityIds,
    relationIds,
    sourceIds,
    relationsInIdOrder: relations,
    entitiesByType,
    entitiesBySource,
    entityText: new FoldedNames(graph),
    sourceIdsByEntity,
    relationsByType,
    relationsBySource,
    relationsByEntity,
    relationsByCorroboration,
    claimsByEntity,
    claimsBySource,
    citationsBySource,
    statements: new GradualIndex(() => buildStatementIndex(knowledgeGraph, relationIds, relations)),
    time: buildTimeIndex(graph, entityIds, relationIds, relations),
    searchIndex: new DeferredIndex(() => buildSearchIndex(graph, entityIds, relationsByEntity)),
    entityTypeCounts,
    relationTypeCounts,
    citationCountBySource,
    citationCount,
    fullText: new DeferredIndex(() =>
      buildFullTextIndex(knowledgeGraph, { entityIds, relationIds, sourceIds }, citationsBySource.get()),
    ),
    countCache: createCountCache(),
    groupedLists: grouped,
  };
}

/**
 * Entity id → its name and aliases folded (text-folding.ts), one per line, made for an entity
 * the first time it is asked about and kept: only a `text` filter and the ranking of search
 * results read them, and folding all 200,000 names at 10^6 relations was 0.2 s of every start.
 */
export class FoldedNames {
  readonly #graph: EntityGraph;
  readonly #folded = new Map<string, string>();

  constructor(graph: EntityGraph) {
    this.#graph = graph;
  }

  /** The entity's folded names, or undefined for an id the graph does not hold. */
  get(id: string): string | undefined {
    let folded = this.#folded.get(id);
    if (folded === undefined && this.#graph.hasNode(id)) {
      const entity = this.#graph.getNodeAttributes(id);
      folded = [entity.name, ...entity.aliases].map(foldText).join('\n');
      this.#folded.set(id, folded);
    }
    return folded;
  }
}

/**
 * Every citation by the source it cites, ordered by position in the source's text (ties in the
 * order met: relations in id order, then claims in id order). A GradualIndex's build.
 */
function* groupCitationsBySource(
  relations: readonly RelationRecord[],
  claims: readonly ClaimRecord[],
): Generator<void, ReadonlyMap<string, readonly CitationRecord[]>> {
  const bySource = new Map<string, CitationRecord[]>();
  for (let i = 0; i < relations.length; i++) {
    for (const citation of relations[i]!.citations) push(bySource, citation.sourceId, citation);
    if (i % ITEMS_PER_STEP === 0) yield;
  }
  for (const claim of claims) for (const citation of claim.citations) push(bySource, citation.sourceId, citation);
  let sorted = 0;
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    sorted += list.length;
    if (sorted >= ITEMS_PER_STEP) {
      sorted = 0;
      yield;
    }
  }
  return bySource;
}

/**
 * The per-entity and per-source lists as positions, grouped: relations and sources of each
 * entity, relations and entities of each source. The longest part of the index to build (at
 * 10^6 relations about 5 s of CPU), so a snapshot keeps them (storedGroupedLists) and a restart
 * reads them back (readGroupedLists) instead.
 */
interface GroupedLists {
  /** Every source cited, in id order (a graph built in memory may cite a source it does not hold). */
  sourceKeys: readonly string[];
  relationsOfEntity: PositionGroups;
  relationsOfSource: PositionGroups;
  sourcesOfEntity: PositionGroups;
  entitiesOfSource: PositionGroups;
  /**
   * How many of the relations' citations quote each source (by position in sourceKeys). Kept
   * with the lists so that a restart need not read every relation's citations to count them (a
   * snapshot's relations make their citations when first read: data/snapshot-relations.ts).
   */
  relationCitationsOfSource: Uint32Array;
}

function groupLists(
  { claims }: KnowledgeGraph,
  entityIds: readonly string[],
  sourceIds: readonly string[],
  relations: readonly RelationRecord[],
  claimsByEntity: ReadonlyMap<string, readonly ClaimRecord[]>,
): GroupedLists {
  const entityPosition = positionsOf(entityIds);
  const sourceKeys = sortedUnion(sourceIds, relations, claims.values());
  const sourcePosition = positionsOf(sourceKeys);
  const subjects = Int32Array.from(relations, (relation) => entityPosition.get(relation.subject)!);
  const objects = Int32Array.from(relations, (relation) => entityPosition.get(relation.object)!);
  const sourcesOfRelation = groupPositions(relations.length, (emit) => {
    for (let i = 0; i < relations.length; i++) {
      for (const sourceId of relations[i]!.sourceIds) emit(i, sourcePosition.get(sourceId)!);
    }
  });
  const relationsOfEntity = groupPositions(entityIds.length, (emit) => {
    for (let i = 0; i < relations.length; i++) {
      emit(subjects[i]!, i);
      if (objects[i] !== subjects[i]) emit(objects[i]!, i);
    }
  });
  const relationsOfSource = groupPositions(sourceKeys.length, (emit) => {
    forEachGrouped(sourcesOfRelation, (i, source) => emit(source, i));
  });

  // The sources behind each entity's relations and claims, each once, in id order. Positions
  // of sources are in id order, so a numeric sort of an entity's positions sorts its ids.
  const lastEntityOf = new Int32Array(sourceKeys.length).fill(-1);
  const distinct: number[] = [];
  let entity = 0;
  const note = (source: number) => {
    if (lastEntityOf[source] === entity) return;
    lastEntityOf[source] = entity;
    distinct.push(source);
  };
  const sourcesOfEntity = groupPositions(entityIds.length, (emit) => {
    lastEntityOf.fill(-1);
    for (entity = 0; entity < entityIds.length; entity++) {
      forEachInGroup(relationsOfEntity, entity, (relation) => forEachInGroup(sourcesOfRelation, relation, note));
      for (const claim of claimsByEntity.get(entityIds[entity]!) ?? []) {
        for (const sourceId of claim.sourceIds) note(sourcePosition.get(sourceId)!);
      }
      distinct.sort((a, b) => a - b);
      for (const source of distinct) emit(entity, source);
      distinct.length = 0;
    }
  });
  const entitiesOfSource = groupPositions(sourceKeys.length, (emit) => {
    forEachGrouped(sourcesOfEntity, (entity, source) => emit(source, entity));
  });
  const relationCitationsOfSource = new Uint32Array(sourceKeys.length);
  for (const relation of relations) {
    for (const citation of relation.citations) relationCitationsOfSource[sourcePosition.get(citation.sourceId)!]!++;
  }
  return {
    sourceKeys,
    relationsOfEntity,
    relationsOfSource,
    sourcesOfEntity,
    entitiesOfSource,
    relationCitationsOfSource,
  };
}

/** Bump when GroupedLists or the way they are built changes: a snapshot of an older kind is then rebuilt. */
const GROUPED_LISTS_FORMAT = 'grouped-lists/3';

/** What a snapshot keeps of an index (see GroupedLists), for buildGraphIndex to read back. */
export function storedGroupedLists(index: GraphIndex): unknown {
  return {
    format: GROUPED_LISTS_FORMAT,
    entityCount: index.entityIds.length,
    relationCount: index.relationIds.length,
    ...index.groupedLists,
    relationOrder: relationOrder(index),
  };
}

/** For each relation in id order, its position in the graph's own order of edges (see relationsInKeptOrder). */
function relationOrder(index: GraphIndex): Uint32Array {
  const inGraph = positionsOf(index.graph.edges());
  return Uint32Array.from(index.relationIds, (id) => inGraph.get(id)!);
}

/**
 * The relation ids in id order with their records, by the order a snapshot kept (relationOrder),
 * or null when what was kept is not that order for this graph: every position must be in range
 * and the ids it gives strictly increasing, which makes it the sorted ids, each once.
 */
function relationsInKeptOrder(
  stored: unknown,
  graph: EntityGraph,
): { ids: string[]; records: RelationRecord[] } | null {
  const kept = stored as { format?: unknown; relationOrder?: unknown } | null | undefined;
  const order = kept?.relationOrder;
  if (kept?.format !== GROUPED_LISTS_FORMAT || !types.isUint32Array(order) || order.length !== graph.size) return null;
  const keys = graph.edges();
  const records = graph.mapEdges((_id, relation) => relation);
  const ids = new Array<string>(order.length);
  const inOrder = new Array<RelationRecord>(order.length);
  for (let i = 0; i < order.length; i++) {
    const position = order[i]!;
    if (position >= keys.length) return null;
    ids[i] = keys[position]!;
    inOrder[i] = records[position]!;
    if (i > 0 && !(ids[i - 1]! < ids[i]!)) return null;
  }
  return { ids, records: inOrder };
}

/** Citations by the source they quote, and in all: the relations' as grouped, the claims' counted. */
function countCitations(
  { sourceKeys, relationCitationsOfSource }: GroupedLists,
  claims: readonly ClaimRecord[],
): { citationCountBySource: Map<string, number>; citationCount: number } {
  const citationCountBySource = new Map<string, number>();
  let citationCount = 0;
  const add = (sourceId: string, count: number) => {
    citationCountBySource.set(sourceId, (citationCountBySource.get(sourceId) ?? 0) + count);
    citationCount += count;
  };
  sourceKeys.forEach((sourceId, k) => {
    if (relationCitationsOfSource[k]! > 0) add(sourceId, relationCitationsOfSource[k]!);
  });
  for (const claim of claims) for (const citation of claim.citations) add(citation.sourceId, 1);
  return { citationCountBySource, citationCount };
}

/**
 * The lists a snapshot kept, or null when they are of another format or another graph's size
 * (the snapshot's key covers the data and the code, so the lists match a graph it read back;
 * the checks catch a stored value that is not such a list at all).
 */
function readGroupedLists(stored: unknown, entityCount: number, relationCount: number): GroupedLists | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const lists = stored as Partial<
    GroupedLists & { format: string; entityCount: number; relationCount: number; relationOrder: unknown }
  >;
  if (lists.format !== GROUPED_LISTS_FORMAT || lists.entityCount !== entityCount) return null;
  if (lists.relationCount !== relationCount || !Array.isArray(lists.sourceKeys)) return null;
  const sourceCount = lists.sourceKeys.length;
  const fits = (groups: PositionGroups | undefined, keys: number, items: number) =>
    types.isUint32Array(groups?.offsets) &&
    types.isInt32Array(groups.items) &&
    groups.offsets.length === keys + 1 &&
    groups.offsets[keys] === groups.items.length &&
    groups.items.every((item) => item >= 0 && item < items);
  const valid =
    fits(lists.relationsOfEntity, entityCount, relationCount) &&
    fits(lists.relationsOfSource, sourceCount, relationCount) &&
    fits(lists.sourcesOfEntity, entityCount, sourceCount) &&
    fits(lists.entitiesOfSource, sourceCount, entityCount);
  const { relationCitationsOfSource } = lists;
  if (!valid || !types.isUint32Array(relationCitationsOfSource) || relationCitationsOfSource.length !== sourceCount) {
    return null;
  }
  // The lists without what only the snapshot's checks and relationsInKeptOrder read.
  const {
    format: _format,
    entityCount: _entities,
    relationCount: _relations,
    relationOrder: _order,
    ...grouped
  } = lists;
  return grouped as GroupedLists;
}

/**
 * Builds the indexes left for after ready: first those synchronous queries would otherwise
 * finish on the spot (citations by source, time and statements), then those searches need, name search first (it is
 * the smaller and the more used).
 */
export async function buildDeferredIndexes(index: GraphIndex): Promise<void> {
  // A source's citations (the reader's highlights) read it; the sources' counts do not (citationCountBySource).
  await index.citationsBySource.built();
  await index.time.buckets.built();
  await index.time.events.built();
  await index.statements.built();
  await index.searchIndex.built();
  await index.fullText.built();
}

/**
 * MiniSearch over names and aliases. Terms are folded (case and accents), and a `compact`
 * field holds each name without punctuation or spaces so that "iskp" meets "IS-KP". Better
 * connected entities get a gentle boost: of two equally good matches the one the graph says
 * more about comes first.
 */
async function buildSearchIndex(
  graph: EntityGraph,
  entityIds: readonly string[],
  relationsByEntity: KeyedLists<string>,
): Promise<MiniSearch<SearchDocument>> {
  const defaultTokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const searchIndex = new MiniSearch<SearchDocument>({
    fields: ['name', 'aliases', 'compact'],
    tokenize: (text, fieldName) => (fieldName === 'compact' ? text.split('\n') : defaultTokenize(text)),
    processTerm: (term) => foldText(term) || null,
    searchOptions: {
      boostDocument: (id: string) => 1 + Math.log10(1 + relationsByEntity.countOf(id)) / 4,
    },
  });
  await inSlices(entityIds.length, (i) => searchIndex.add(searchDocument(graph.getNodeAttributes(entityIds[i]!))));
  return searchIndex;
}

function searchDocument(entity: EntityRecord): SearchDocument {
  const names = [entity.name, ...entity.aliases];
  return {
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases.join('\n'),
    compact: [...new Set(names.map(compactText).filter(Boolean))].join('\n'),
  };
}

// Small helpers -------------------------------------------------------------------------------

/** The entity, relation, source or claim record of an id, or undefined. */
export function entityRecord(index: GraphIndex, id: string): EntityRecord | undefined {
  return index.graph.hasNode(id) ? index.graph.getNodeAttributes(id) : undefined;
}

export function relationRecord(index: GraphIndex, id: string): RelationRecord | undefined {
  return index.graph.hasEdge(id) ? index.graph.getEdgeAttributes(id) : undefined;
}

export function sourceRecord(index: GraphIndex, id: string): SourceRecord | undefined {
  return index.knowledgeGraph.sources.get(id);
}

export function entityRecords(index: GraphIndex, ids: readonly string[]): EntityRecord[] {
  return ids.map((id) => index.graph.getNodeAttributes(id));
}

export function relationRecords(index: GraphIndex, ids: readonly string[]): RelationRecord[] {
  return ids.map((id) => index.graph.getEdgeAttributes(id));
}

export function sourceRecords(index: GraphIndex, ids: readonly string[]): SourceRecord[] {
  return ids.flatMap((id) => index.knowledgeGraph.sources.get(id) ?? []);
}

/** Number of relations the entity takes part in (0 for an unknown id). */
export function degreeOf(index: GraphIndex, entityId: string): number {
  return index.relationsByEntity.countOf(entityId);
}

/** The non-empty lists an index holds for some keys (each key once). */
export function indexLists(map: Pick<KeyedLists<string>, 'get'>, keys: readonly string[]): (readonly string[])[] {
  const lists: (readonly string[])[] = [];
  for (const key of new Set(keys)) {
    const list = map.get(key);
    if (list && list.length > 0) lists.push(list);
  }
  return lists;
}

/**
 * Groups the (key, item) pairs `forEachPair` emits, calling it twice: once to count each key's
 * items, once to place them. Every list is then allocated once at its size, where pushing
 * into 10^5 growing arrays left their outgrown copies to collect (at 10^6 relations the index
 * builds in about 14.3 s of CPU instead of 14.6–16.5). `forEachPair` must emit the same pairs
 * in the same order both times.
 */
function groupPositions(
  keyCount: number,
  forEachPair: (emit: (key: number, item: number) => void) => void,
): PositionGroups {
  const offsets = new Uint32Array(keyCount + 1);
  forEachPair((key) => offsets[key + 1]!++);
  for (let k = 0; k < keyCount; k++) offsets[k + 1]! += offsets[k]!;
  const items = new Int32Array(offsets[keyCount]!);
  const next = offsets.slice(0, keyCount);
  forEachPair((key, item) => (items[next[key]!++] = item));
  return { offsets, items };
}

function forEachInGroup({ offsets, items }: PositionGroups, key: number, use: (item: number) => void): void {
  for (let i = offsets[key]!; i < offsets[key + 1]!; i++) use(items[i]!);
}

function forEachGrouped({ offsets, items }: PositionGroups, use: (key: number, item: number) => void): void {
  for (let key = 0; key + 1 < offsets.length; key++) {
    for (let i = offsets[key]!; i < offsets[key + 1]!; i++) use(key, items[i]!);
  }
}

/**
 * `sorted` with every other source id the records name, sorted. A relation's citations as well as
 * its sourceIds: the loader makes those the same sources, a graph built in memory may not, and
 * every citation is counted under its source's position (relationCitationsOfSource).
 */
function sortedUnion(
  sorted: readonly string[],
  relations: readonly RelationRecord[],
  claims: Iterable<ClaimRecord>,
): readonly string[] {
  const known = new Set(sorted);
  const others = new Set<string>();
  const note = (ids: readonly string[]) => {
    for (const id of ids) if (!known.has(id)) others.add(id);
  };
  for (const relation of relations) {
    note(relation.sourceIds);
    for (const citation of relation.citations) if (!known.has(citation.sourceId)) others.add(citation.sourceId);
  }
  for (const claim of claims) note(claim.sourceIds);
  return others.size === 0 ? sorted : [...sorted, ...others].sort();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byAttributeValueId(a: ClaimRecord, b: ClaimRecord): number {
  return compareStrings(a.attribute, b.attribute) || compareStrings(a.value, b.value) || byId(a, b);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
