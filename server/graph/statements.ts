/**
 * Who says so, and how sure
 * =========================
 *
 * A citation is in an article's own voice when it has no `attributedTo`, and unhedged when it
 * has no `hedge`. These are the only definitions of both: the relation filter, a relation's
 * `statedPlainly` and the indexes below all read them. The indexes are built once, after the
 * server is ready (a GradualIndex, which a query that comes first finishes): the relations
 * that pass each filter, as sorted id lists, and each speaker's statements, so neither a
 * filter nor a person's statements scans the graph.
 */
import type { Attribution, CitationRecord, KnowledgeGraph, RelationRecord } from '../data/model';
import { type GradualIndex, ITEMS_PER_STEP } from './deferred-index';
import type { GraphIndex } from './indexes';
import { type Connection, type PageArgs, paginate } from './pagination';
import type { SpeakerRecord } from './results';

/** Which citations count for a filter: in the article's own voice, unhedged, or both. */
export interface VoiceFilter {
  ownVoice?: boolean | null;
  unhedged?: boolean | null;
}

export function isOwnVoice(citation: CitationRecord): boolean {
  return citation.attributedTo === undefined;
}

export function isUnhedged(citation: CitationRecord): boolean {
  return citation.hedge === undefined;
}

/** Whether one citation passes a voice filter (both parts at once, when both are asked). */
export function citationPasses(citation: CitationRecord, filter: VoiceFilter): boolean {
  return (!filter.ownVoice || isOwnVoice(citation)) && (!filter.unhedged || isUnhedged(citation));
}

/** A relation passes when one of its citations passes: its strongest support decides. */
export function relationPasses(relation: RelationRecord, filter: VoiceFilter): boolean {
  return relation.citations.some((citation) => citationPasses(citation, filter));
}

/** True when an article states the relation itself, without putting it in a mouth or hedging it. */
export function statedPlainly(relation: RelationRecord): boolean {
  return relationPasses(relation, { ownVoice: true, unhedged: true });
}

export interface StatementIndex {
  /** Sorted ids of the relations passing `ownVoice`, `unhedged`, and both. */
  readonly ownVoice: readonly string[];
  readonly unhedged: readonly string[];
  readonly plain: readonly string[];
  /** Speaker entity id → sorted statement keys; key → citation. */
  readonly keysBySpeaker: ReadonlyMap<string, readonly string[]>;
  readonly citationByKey: ReadonlyMap<string, CitationRecord>;
  /** Speaker entity id → the entity it works for (its best-supported `works_for` relation), if any. */
  readonly affiliationBySpeaker: ReadonlyMap<string, string>;
}

/**
 * The relation lists one voice filter reads (null when the filter asks for nothing). The index is
 * read only when the filter asks for a voice: a query without one does not finish its build.
 */
export function voiceFilterList(
  statements: GradualIndex<StatementIndex>,
  filter: VoiceFilter,
): readonly string[] | null {
  if (filter.ownVoice && filter.unhedged) return statements.get().plain;
  if (filter.ownVoice) return statements.get().ownVoice;
  if (filter.unhedged) return statements.get().unhedged;
  return null;
}

/**
 * A statement's key sorts by source, then position in the text, then what it supports, so a
 * speaker's statements page in reading order and the key is stable between requests.
 */
function statementKey(citation: CitationRecord): string {
  return `${citation.sourceId}\u0000${String(citation.start).padStart(10, '0')}\u0000${citation.target.kind}\u0000${citation.target.id}`;
}

/**
 * Builds the statement index, a step at a time (a GradualIndex's build: see deferred-index.ts);
 * `relationIds` must be sorted, and `relations` their records, in the same order.
 */
export function* buildStatementIndex(
  knowledgeGraph: KnowledgeGraph,
  relationIds: readonly string[],
  relations: readonly RelationRecord[],
): Generator<void, StatementIndex> {
  const { graph, claims } = knowledgeGraph;
  const ownVoice: string[] = [];
  const unhedged: string[] = [];
  const plain: string[] = [];
  const keysBySpeaker = new Map<string, string[]>();
  const citationByKey = new Map<string, CitationRecord>();
  const noteSpeaker = (citation: CitationRecord) => {
    const speaker = citation.attributedTo;
    if (!speaker || !('entity' in speaker)) return;
    const key = statementKey(citation);
    citationByKey.set(key, citation);
    const keys = keysBySpeaker.get(speaker.entity);
    if (keys) keys.push(key);
    else keysBySpeaker.set(speaker.entity, [key]);
  };
  for (let i = 0; i < relationIds.length; i++) {
    const [id, relation] = [relationIds[i]!, relations[i]!];
    if (relationPasses(relation, { ownVoice: true })) ownVoice.push(id);
    if (relationPasses(relation, { unhedged: true })) unhedged.push(id);
    if (statedPlainly(relation)) plain.push(id);
    relation.citations.forEach(noteSpeaker);
    if (i % ITEMS_PER_STEP === 0) yield;
  }
  for (const claim of claims.values()) claim.citations.forEach(noteSpeaker);
  for (const keys of keysBySpeaker.values()) keys.sort();
  // Once per speaker here, so showing a citation's speaker never walks the speaker's relations.
  const affiliationBySpeaker = new Map<string, string>();
  for (const speaker of keysBySpeaker.keys()) {
    let best: RelationRecord | null = null;
    graph.forEachOutEdge(speaker, (_id, relation) => {
      if (relation.type !== 'works_for' || relation.subject !== speaker) return;
      const current: RelationRecord | null = best;
      const better =
        !current ||
        relation.sourceIds.length > current.sourceIds.length ||
        (relation.sourceIds.length === current.sourceIds.length && relation.id < current.id);
      if (better) best = relation;
    });
    if (best) affiliationBySpeaker.set(speaker, (best as RelationRecord).object);
  }
  return { ownVoice, unhedged, plain, keysBySpeaker, citationByKey, affiliationBySpeaker };
}

/** A page of what the articles attribute to an entity, in reading order (empty for anyone else). */
export function statementsPage(index: GraphIndex, entityId: string, page: PageArgs): Connection<CitationRecord> {
  const { keysBySpeaker, citationByKey } = index.statements.get();
  const keys = keysBySpeaker.get(entityId) ?? [];
  return paginate({ lists: [keys], disjoint: true }, page, (key) => citationByKey.get(key)!);
}

/**
 * The speaker of a citation, for display: the entity and where it works (its best-supported
 * `works_for` relation), or the article's own description of the speaker.
 */
export function speakerOf(index: GraphIndex, attribution: Attribution | undefined): SpeakerRecord | null {
  if (!attribution) return null;
  if ('described' in attribution) return { entity: null, name: attribution.described, affiliation: null };
  const entity = index.graph.getNodeAttributes(attribution.entity);
  const affiliation = index.statements.get().affiliationBySpeaker.get(entity.id);
  return { entity, name: entity.name, affiliation: affiliation ? index.graph.getNodeAttributes(affiliation) : null };
}
