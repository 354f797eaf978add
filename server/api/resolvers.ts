/**
 * Resolvers: thin maps from schema fields to the graph queries in server/graph/. They check
 * argument ranges (limits.ts), call one function, and leave every other field to the default
 * resolver reading the record.
 */
import { allDisagreements, disagreementsOf } from '../graph/disagreements';
import { compareSources } from '../graph/comparison';
import { type EntityFilter, claimsOfEntity, entitiesPage, entityById, sourcesOfEntity } from '../graph/entities';
import { type GraphIndex, degreeOf, entityRecord, relationRecord, sourceRecords } from '../graph/indexes';
import { assertKnownEntityFilter, assertKnownRelationFilter } from '../graph/known-values';
import { neighborhood } from '../graph/neighborhood';
import { between, pathsThroughOthers } from '../graph/between';
import { fullTextEntities, fullTextPassages, fullTextQuery, fullTextRelations } from '../graph/full-text-search';
import { pathPage, shortestPaths } from '../graph/paths';
import type { PathPageRecord } from '../graph/paths';
import { rankedConnection, offsetAfter } from '../graph/ranked-cursor';
import { type RelationFilter, relationById, relationsOfEntity, relationsPage } from '../graph/relations';
import { searchEntities } from '../graph/search';
import {
  allSources,
  citationsOfSource,
  claimsOfSource,
  entitiesOfSource,
  relationsOfSource,
  sourceById,
  sourceCounts,
} from '../graph/sources';
import { entityTypeSummaries, graphStats, relationTypeLabel, relationTypeSummaries } from '../graph/vocabulary';
import type { Resolvers } from './generated/resolvers-types';
import { asUserInput, checkAtLeast, checkRange } from './errors';
import { ARGUMENT_LIMITS } from './limits';

/** Defaults as schema.graphql declares them; used when a client passes an explicit null. */
const DEFAULTS = {
  first: 50,
  searchFirst: 10,
  pathsFirst: 10,
  minLength: 1,
  maxLength: 3,
  depth: 1,
  limit: 1000,
  fullTextFirst: 10,
};

/** A page of paths as a PathConnection. */
function pathConnection(page: PathPageRecord, offset: number) {
  return { ...rankedConnection(page.paths, offset, page.totalCount), totalCountExact: page.totalCountExact };
}

function checkedFilter<T extends RelationFilter>(
  index: GraphIndex,
  filter: T | null | undefined,
): T | null | undefined {
  checkAtLeast('filter.minSources', filter?.minSources, 0);
  assertKnownRelationFilter(index, filter);
  return filter;
}

function checkedEntityFilter<T extends EntityFilter>(
  index: GraphIndex,
  filter: T | null | undefined,
): T | null | undefined {
  assertKnownEntityFilter(index, filter);
  return filter;
}

function fullTextPage(first: number | null | undefined, after: string | null | undefined) {
  return {
    first: checkRange('first', first ?? DEFAULTS.fullTextFirst, ARGUMENT_LIMITS.searchResults),
    offset: offsetAfter(after),
  };
}

export const resolvers: Resolvers = {
  Query: {
    entity: (_, { id }, { index }) => entityById(index, id),
    entities: (_, { filter, first, after }, { index }) =>
      asUserInput(() =>
        entitiesPage(index, checkedEntityFilter(index, filter), {
          first: checkRange('first', first ?? DEFAULTS.first, ARGUMENT_LIMITS.pageSize),
          after,
        }),
      ),
    relation: (_, { id }, { index }) => relationById(index, id),
    relations: (_, { filter, first, after }, { index }) =>
      asUserInput(() =>
        relationsPage(index, checkedFilter(index, filter), {
          first: checkRange('first', first ?? DEFAULTS.first, ARGUMENT_LIMITS.pageSize),
          after,
        }),
      ),
    search: (_, { text, first }, { index }) =>
      searchEntities(index, text, checkRange('first', first ?? DEFAULTS.searchFirst, ARGUMENT_LIMITS.searchResults)),
    neighborhood: (_, { id, depth, filter, limit }, { index }) =>
      asUserInput(() =>
        neighborhood(index, id, {
          depth: checkRange('depth', depth ?? DEFAULTS.depth, ARGUMENT_LIMITS.neighborhoodDepth),
          limit: checkRange('limit', limit ?? DEFAULTS.limit, ARGUMENT_LIMITS.neighborhoodRelations),
          filter: checkedFilter(index, filter),
        }),
      ),
    paths: (_, { from, to, maxLength, first, filter }, { index }) =>
      asUserInput(() =>
        shortestPaths(index, from, to, {
          maxLength: checkRange('maxLength', maxLength ?? DEFAULTS.maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first ?? DEFAULTS.pathsFirst, ARGUMENT_LIMITS.paths),
          filter: checkedFilter(index, filter),
        }),
      ),
    pathsConnection: (_, { from, to, minLength, maxLength, first, after, filter }, { index }) =>
      asUserInput(() => {
        const offset = offsetAfter(after);
        const page = pathPage(index, from, to, {
          minLength: checkRange('minLength', minLength ?? DEFAULTS.minLength, ARGUMENT_LIMITS.pathLength),
          maxLength: checkRange('maxLength', maxLength ?? DEFAULTS.maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first ?? DEFAULTS.pathsFirst, ARGUMENT_LIMITS.paths),
          offset,
          filter: checkedFilter(index, filter),
        });
        return pathConnection(page, offset);
      }),
    between: (_, { a, b, filter }, { index }) => asUserInput(() => between(index, a, b, checkedFilter(index, filter))),
    fullTextSearch: (_, { text }) => asUserInput(() => ({ text: fullTextQuery(text) })),
    sources: (_, __, { index }) => allSources(index),
    source: (_, { id }, { index }) => sourceById(index, id),
    disagreements: (_, { entity }, { index }) =>
      entity == null ? allDisagreements(index) : disagreementsOf(index, entity),
    compareSources: (_, { a, b }, { index }) => asUserInput(() => compareSources(index, a, b)),
    vocabulary: (_, __, { index }) => ({
      entityTypes: entityTypeSummaries(index),
      relationTypes: relationTypeSummaries(index),
    }),
    stats: (_, __, { index }) => graphStats(index),
  },

  Between: {
    relationGroups: (record) => record.groups,
    paths: (record, { maxLength, first, after }, { index }) =>
      asUserInput(() => {
        const offset = offsetAfter(after);
        const page = pathsThroughOthers(index, record, {
          maxLength: checkRange('maxLength', maxLength ?? DEFAULTS.maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first ?? DEFAULTS.pathsFirst, ARGUMENT_LIMITS.paths),
          offset,
        });
        return pathConnection(page, offset);
      }),
  },

  FullTextSearch: {
    entities: ({ text }, { first, after }, { index }) =>
      asUserInput(() => fullTextEntities(index, text, fullTextPage(first, after))),
    relations: ({ text }, { first, after }, { index }) =>
      asUserInput(() => fullTextRelations(index, text, fullTextPage(first, after))),
    passages: ({ text }, { first, after }, { index }) =>
      asUserInput(() => fullTextPassages(index, text, fullTextPage(first, after))),
  },

  Entity: {
    claims: (entity, _, { index }) => [...claimsOfEntity(index, entity.id)],
    relations: (entity, { direction, types }, { index }) => relationsOfEntity(index, entity.id, { direction, types }),
    degree: (entity, _, { index }) => degreeOf(index, entity.id),
    sources: (entity, _, { index }) => sourcesOfEntity(index, entity.id),
    disagreements: (entity, _, { index }) => disagreementsOf(index, entity.id),
  },

  Relation: {
    label: (relation, _, { index }) => relationTypeLabel(index, relation.type),
    subject: (relation, _, { index }) => index.graph.getNodeAttributes(relation.subject),
    object: (relation, _, { index }) => index.graph.getNodeAttributes(relation.object),
    sources: (relation, _, { index }) => sourceRecords(index, relation.sourceIds),
    corroboration: (relation) => relation.sourceIds.length,
  },

  Citation: {
    source: (citation, _, { index }) => index.knowledgeGraph.sources.get(citation.sourceId)!,
    relation: (citation, _, { index }) =>
      citation.target.kind === 'relation' ? (relationRecord(index, citation.target.id) ?? null) : null,
    claim: (citation, _, { index }) =>
      citation.target.kind === 'claim' ? (index.knowledgeGraph.claims.get(citation.target.id) ?? null) : null,
  },

  Claim: {
    entity: (claim, _, { index }) => entityRecord(index, claim.entity)!,
    sources: (claim, _, { index }) => sourceRecords(index, claim.sourceIds),
  },

  Source: {
    citations: (source, _, { index }) => [...citationsOfSource(index, source.id)],
    relations: (source, _, { index }) => relationsOfSource(index, source.id),
    claims: (source, _, { index }) => [...claimsOfSource(index, source.id)],
    entities: (source, _, { index }) => entitiesOfSource(index, source.id),
    relationCount: (source, _, { index }) => sourceCounts(index, source.id).relationCount,
    claimCount: (source, _, { index }) => sourceCounts(index, source.id).claimCount,
    entityCount: (source, _, { index }) => sourceCounts(index, source.id).entityCount,
    citationCount: (source, _, { index }) => sourceCounts(index, source.id).citationCount,
  },
};
