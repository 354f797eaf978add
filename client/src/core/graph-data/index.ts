/**
 * Shaping API answers into the data graph. Pure: the network side lives in api/load-graph.ts.
 */
import type {
  EntitySummaryFragment,
  RelationCitationsQuery,
  RelationSummaryFragment,
} from '../../api/generated/graphql';
import type { BoundedTotals } from '../bounded-view';
import type {
  CitationRef,
  EntityNode,
  EntityPositions,
  GraphData,
  LoadedOverview,
  RelationEdge,
  SourceInfo,
} from './types';

export type * from './types';

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toEntityNode(entity: EntitySummaryFragment): EntityNode {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases: [...entity.aliases],
    degree: entity.degree,
    span: entity.span ? { first: entity.span.first ?? null, last: entity.span.last ?? null } : null,
  };
}

export function toRelationEdge(relation: RelationSummaryFragment): RelationEdge {
  return {
    id: relation.id,
    type: relation.type,
    label: relation.label,
    directed: relation.directed,
    subjectId: relation.subject.id,
    objectId: relation.object.id,
    corroboration: relation.corroboration,
    statedPlainly: relation.statedPlainly,
    ownVoice: relation.ownVoice,
    unhedged: relation.unhedged,
    sourceIds: relation.sourceIds,
    span: relation.span ? { first: relation.span.first ?? null, last: relation.span.last ?? null } : null,
  };
}

type CitedRelation = RelationCitationsQuery['relations']['edges'][number]['node'];

export function toCitationRefs(relation: CitedRelation): CitationRef[] {
  return relation.citations.map((citation) => ({
    sourceId: citation.source.id,
    quote: citation.quote,
    start: citation.start,
    end: citation.end,
  }));
}

/**
 * Builds the data graph from the overview (with the sources loaded so far), the pages of
 * entities and relations, and the server's positions for them.
 * Entities and relations are sorted by id so that the same data always yields the same
 * structures, whatever order the pages came in.
 */
export function shapeGraphData(
  overview: LoadedOverview,
  entityPages: EntitySummaryFragment[],
  relationPages: RelationSummaryFragment[],
  bounded: BoundedTotals | null = null,
  positions?: EntityPositions,
): GraphData {
  const entities = entityPages.map(toEntityNode).sort(byId);
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const allRelations = relationPages.map(toRelationEdge).sort(byId);
  const danglingRelationIds: string[] = [];
  const relations = allRelations.filter((relation) => {
    const known = entityById.has(relation.subjectId) && entityById.has(relation.objectId);
    if (!known) danglingRelationIds.push(relation.id);
    return known;
  });
  const sources: SourceInfo[] = overview.sources.map((source) => ({ ...source }));
  return {
    title: overview.dataset.title,
    stats: { ...overview.stats },
    entityTypes: overview.vocabulary.entityTypes.map((type) => ({ ...type })),
    relationTypes: overview.vocabulary.relationTypes.map((type) => ({ ...type })),
    sources,
    sourcesComplete: overview.sourcesComplete ?? true,
    entities,
    relations,
    entityById,
    relationById: new Map(relations.map((relation) => [relation.id, relation])),
    sourceById: new Map(sources.map((source) => [source.id, source])),
    danglingRelationIds,
    bounded,
    positions,
  };
}

/** The same graph with every source: what the sources' later pages complete (GraphData.sourcesComplete). */
export function withAllSources(data: GraphData, sources: readonly SourceInfo[]): GraphData {
  const all = sources.map((source) => ({ ...source }));
  return {
    ...data,
    sources: all,
    sourcesComplete: true,
    sourceById: new Map(all.map((source) => [source.id, source])),
  };
}

/** The name a source goes by in tight places: its publisher, else its title. */
export function sourceShortName(source: Pick<SourceInfo, 'publisher' | 'title'>): string {
  return source.publisher ?? source.title;
}

/** "Acme → Globex" for directed relations, "Acme — Globex" for symmetric ones. */
export function relationArrow(directed: boolean): string {
  return directed ? '→' : '—';
}
