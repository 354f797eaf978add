/**
 * What each source supports
 * =========================
 *
 * Sources are few; what they support (citations, relations, claims, entities) is indexed per
 * source at start-up, so each answer is a lookup.
 */
import type { CitationRecord, ClaimRecord, EntityRecord, RelationRecord, SourceRecord } from '../data/model';
import { type GraphIndex, entityRecords, relationRecords } from './indexes';

/** Every source, by id. */
export function allSources(index: GraphIndex): SourceRecord[] {
  return index.sourceIds.map((id) => index.knowledgeGraph.sources.get(id)!);
}

/** The source with this id, or null. */
export function sourceById(index: GraphIndex, id: string): SourceRecord | null {
  return index.knowledgeGraph.sources.get(id) ?? null;
}

/** Every citation into the source, by position in its text. */
export function citationsOfSource(index: GraphIndex, sourceId: string): readonly CitationRecord[] {
  return index.citationsBySource.get(sourceId) ?? [];
}

/** The relations the source cites, by id. */
export function relationsOfSource(index: GraphIndex, sourceId: string): RelationRecord[] {
  return relationRecords(index, index.relationsBySource.get(sourceId) ?? []);
}

/** The claims the source supports, by id. */
export function claimsOfSource(index: GraphIndex, sourceId: string): readonly ClaimRecord[] {
  return index.claimsBySource.get(sourceId) ?? [];
}

/** The entities of the relations and claims the source supports, by id. */
export function entitiesOfSource(index: GraphIndex, sourceId: string): EntityRecord[] {
  return entityRecords(index, index.entitiesBySource.get(sourceId) ?? []);
}

/** How much the source supports: the counts behind the Source type's *Count fields. */
export function sourceCounts(index: GraphIndex, sourceId: string) {
  return {
    relationCount: index.relationsBySource.get(sourceId)?.length ?? 0,
    claimCount: index.claimsBySource.get(sourceId)?.length ?? 0,
    entityCount: index.entitiesBySource.get(sourceId)?.length ?? 0,
    citationCount: index.citationsBySource.get(sourceId)?.length ?? 0,
  };
}
