/**
 * The sources, and what each supports
 * ===================================
 *
 * A graph can hold thousands of sources, and one source can support thousands of relations,
 * so every list here is a page (list-pages.ts) of a list the index keeps: the sources by id or
 * most cited first, and per source its citations, relations, claims and entities.
 *
 * The sources' text search ("contains", on folded titles and publishers) reads the sources
 * only, never the relations: one pass over S short strings for a total (memoised per text),
 * and a page stops once it is full.
 */
import type { CitationRecord, ClaimRecord, EntityRecord, RelationRecord, SourceRecord } from '../data/model';
import { type GraphIndex, compareStrings } from './indexes';
import { ID_ORDER, type ListOrder, RECORD_ID_ORDER, listPage } from './list-pages';
import type { Connection, PageArgs } from './pagination';
import { foldText } from './text-folding';

/** How `Query.sources` orders: by id, or the most cited first (then by id). */
export type SourceOrder = 'ID' | 'CITATIONS';

export interface SourceQuery {
  /** Only sources whose title or publisher contains this text (case- and accent-insensitive). */
  text?: string | null;
  orderBy?: SourceOrder | null;
}

interface SourceOrders {
  byCitations: readonly SourceRecord[];
  byId: readonly SourceRecord[];
  /** Source id → folded title and publisher, for the text search. */
  text: ReadonlyMap<string, string>;
}

/** Per index: the sources in both orders, built on first use (O(S log S) once). */
const ordersByIndex = new WeakMap<GraphIndex, SourceOrders>();

function sourceOrders(index: GraphIndex): SourceOrders {
  let orders = ordersByIndex.get(index);
  if (!orders) {
    const byId = index.sourceIds.map((id) => index.knowledgeGraph.sources.get(id)!);
    const cited = (source: SourceRecord) => index.citationCountBySource.get(source.id) ?? 0;
    const byCitations = [...byId].sort((a, b) => cited(b) - cited(a) || compareStrings(a.id, b.id));
    const text = new Map(byId.map((source) => [source.id, foldText(`${source.title}\n${source.publisher ?? ''}`)]));
    orders = { byId, byCitations, text };
    ordersByIndex.set(index, orders);
  }
  return orders;
}

/** A page of the sources, by id or most cited first, optionally only those whose title or publisher holds `text`. */
export function sourcesPage(index: GraphIndex, query: SourceQuery, page: PageArgs): Connection<SourceRecord> {
  const orders = sourceOrders(index);
  const byCitations = query.orderBy === 'CITATIONS';
  const list = byCitations ? orders.byCitations : orders.byId;
  const order: ListOrder<SourceRecord> = byCitations ? { keyOf: (source) => source.id } : RECORD_ID_ORDER;
  const text = foldText((query.text ?? '').trim());
  if (text === '') return listPage(list, page, order, (source) => source);
  return listPage(list, page, order, (source) => source, {
    accepts: (source) => orders.text.get(source.id)!.includes(text),
    countKey: `sources ${text}`,
    countCache: index.countCache,
  });
}

/** The source with this id, or null. */
export function sourceById(index: GraphIndex, id: string): SourceRecord | null {
  return index.knowledgeGraph.sources.get(id) ?? null;
}

/** A citation's key within its source's list: its span, then what it supports. */
const CITATION_ORDER: ListOrder<CitationRecord> = {
  keyOf: (citation) => `${citation.start}:${citation.end}:${citation.target.kind}:${citation.target.id}`,
};

const NO_CITATIONS: readonly CitationRecord[] = [];
const NO_IDS: readonly string[] = [];
const NO_CLAIMS: readonly ClaimRecord[] = [];

/** A page of the citations into the source, by position in its text. */
export function citationsOfSource(index: GraphIndex, sourceId: string, page: PageArgs): Connection<CitationRecord> {
  return listPage(index.citationsBySource.get().get(sourceId) ?? NO_CITATIONS, page, CITATION_ORDER, (c) => c);
}

/** A page of the relations the source cites, by id. */
export function relationsOfSource(index: GraphIndex, sourceId: string, page: PageArgs): Connection<RelationRecord> {
  return listPage(index.relationsBySource.get(sourceId) ?? NO_IDS, page, ID_ORDER, (id) =>
    index.graph.getEdgeAttributes(id),
  );
}

/** A page of the claims the source supports, by id. */
export function claimsOfSource(index: GraphIndex, sourceId: string, page: PageArgs): Connection<ClaimRecord> {
  return listPage(index.claimsBySource.get(sourceId) ?? NO_CLAIMS, page, RECORD_ID_ORDER, (claim) => claim);
}

/** A page of the entities of the relations and claims the source supports, by id. */
export function entitiesOfSource(index: GraphIndex, sourceId: string, page: PageArgs): Connection<EntityRecord> {
  return listPage(index.entitiesBySource.get(sourceId) ?? NO_IDS, page, ID_ORDER, (id) =>
    index.graph.getNodeAttributes(id),
  );
}

/** How much the source supports: the counts behind the Source type's *Count fields. */
export function sourceCounts(index: GraphIndex, sourceId: string) {
  return {
    relationCount: index.relationsBySource.countOf(sourceId),
    claimCount: index.claimsBySource.get(sourceId)?.length ?? 0,
    entityCount: index.entitiesBySource.countOf(sourceId),
    citationCount: index.citationCountBySource.get(sourceId) ?? 0,
  };
}
