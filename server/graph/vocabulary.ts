/**
 * The controlled vocabulary and the size of the graph
 * ===================================================
 *
 * Counts per type are kept by the index; these answers only read them.
 */
import { DEFAULT_DATASET } from '../data/dataset';
import type { EntityTypeSummary, RelationTypeSummary } from './results';
import type { GraphIndex } from './indexes';

/** Entity types in vocabulary order, each with its number of entities. */
export function entityTypeSummaries(index: GraphIndex): EntityTypeSummary[] {
  return [...index.knowledgeGraph.vocabulary.entityTypes.values()].map((type) => ({
    ...type,
    count: index.entityTypeCounts.get(type.id) ?? 0,
  }));
}

/** Relation types in vocabulary order, each with its number of relations. */
export function relationTypeSummaries(index: GraphIndex): RelationTypeSummary[] {
  return [...index.knowledgeGraph.vocabulary.relationTypes.values()].map((type) => ({
    ...type,
    count: index.relationTypeCounts.get(type.id) ?? 0,
  }));
}

/** The human label of a relation type ("enemy of"), or the id when the vocabulary lacks it. */
export function relationTypeLabel(index: GraphIndex, typeId: string): string {
  return index.knowledgeGraph.vocabulary.relationTypes.get(typeId)?.label ?? typeId;
}

/** Totals of the whole graph. */
export function graphStats(index: GraphIndex) {
  return {
    entityCount: index.entityIds.length,
    relationCount: index.relationIds.length,
    claimCount: index.knowledgeGraph.claims.size,
    sourceCount: index.sourceIds.length,
    citationCount: index.citationCount,
  };
}

/** What the graph is called (dataset.yaml, or the default) and its size. */
export function datasetSummary(index: GraphIndex) {
  const { title, description } = index.knowledgeGraph.dataset ?? DEFAULT_DATASET;
  const { entityCount, relationCount, sourceCount, claimCount } = graphStats(index);
  return { title, description, entityCount, relationCount, sourceCount, claimCount };
}
