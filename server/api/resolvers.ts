/**
 * Resolvers: thin maps from schema fields to the graph queries in server/graph/. They read
 * their arguments with the schema's defaults in place of nulls (defaults.ts), check argument
 * ranges (limits.ts), call one function, and leave every other field to the default resolver
 * reading the record.
 */
import type { GraphQLResolveInfo } from 'graphql';

import { between, pathsThroughOthers } from '../graph/between';
import { compareSources, comparisonPage } from '../graph/comparison';
import { disagreementsPage } from '../graph/disagreements';
import { type EntityFilter, claimsOfEntity, entitiesPage, entityById, sourcesOfEntity } from '../graph/entities';
import { fullTextEntities, fullTextPassages, fullTextQuery, fullTextRelations } from '../graph/full-text-search';
import { type GraphIndex, degreeOf, entityRecord, relationRecord, sourceRecords } from '../graph/indexes';
import type { PageArgs } from '../graph/pagination';
import { assertKnownEntityFilter, assertKnownRelationFilter } from '../graph/known-values';
import { entityRelationsPage } from '../graph/entity-relations';
import { neighborhood } from '../graph/neighborhood';
import { overview } from '../graph/overview';
import { overviewPositions } from '../graph/overview-layout';
import { orderedEntitiesPage, orderedRelationsPage } from '../graph/ordered-pages';
import { type PathPageRecord, pathPage, shortestPaths } from '../graph/paths';
import { offsetAfter, rankedConnection } from '../graph/ranked-cursor';
import { type RelationFilter, relationById, relationsPage } from '../graph/relations';
import { searchEntities } from '../graph/search';
import { relationPasses, speakerOf, statedPlainly, statementsPage } from '../graph/statements';
import {
  citationsOfSource,
  claimsOfSource,
  entitiesOfSource,
  relationsOfSource,
  sourceById,
  sourceCounts,
  sourcesPage,
} from '../graph/sources';
import { entityTimeline, timelineCounts, timelineEvents } from '../graph/timeline';
import {
  datasetSummary,
  entityTypeSummaries,
  graphStats,
  relationTypeLabel,
  relationTypeSummaries,
} from '../graph/vocabulary';
import { curationMutations, curationQueries } from './curation-resolvers';
import { DatePrecision, type Resolvers } from './generated/resolvers-types';
import { resolverArguments } from './defaults';
import { asUserInput, badUserInput, checkAtLeast, checkRange } from './errors';
import { ARGUMENT_LIMITS } from './limits';

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

/**
 * A page of a growable list (list-pages.ts), from its arguments with the schema's defaults in
 * place: `first` within ARGUMENT_LIMITS.pageSize, `after` as given.
 */
function listPageArgs(info: GraphQLResolveInfo, args: { first?: number | null; after?: string | null }): PageArgs {
  const { first, after } = resolverArguments(info, args);
  return { first: checkRange('first', first!, ARGUMENT_LIMITS.pageSize), after };
}

/** A full-text group's page, from its arguments with the schema's defaults in place. */
function fullTextPage({ first, after }: { first?: number | null; after?: string | null }) {
  return { first: checkRange('first', first!, ARGUMENT_LIMITS.searchResults), offset: offsetAfter(after) };
}

/** The schema's DatePrecision values for the loader's precisions. */
const PRECISIONS = { day: DatePrecision.Day, month: DatePrecision.Month, year: DatePrecision.Year } as const;

export const resolvers: Resolvers = {
  Query: {
    entity: (_, { id }, { index }) => entityById(index, id),
    entities: (_, args, { index }, info) => {
      const { filter, first, after, orderBy } = resolverArguments(info, args);
      const page = { first: checkRange('first', first, ARGUMENT_LIMITS.pageSize), after };
      return asUserInput(() =>
        orderBy
          ? orderedEntitiesPage(index, checkedEntityFilter(index, filter), orderBy, page)
          : entitiesPage(index, checkedEntityFilter(index, filter), page),
      );
    },
    relation: (_, { id }, { index }) => relationById(index, id),
    claim: (_, { id }, { index }) => index.knowledgeGraph.claims.get(id) ?? null,
    relations: (_, args, { index }, info) => {
      const { filter, first, after, orderBy } = resolverArguments(info, args);
      const page = { first: checkRange('first', first, ARGUMENT_LIMITS.pageSize), after };
      return asUserInput(() =>
        orderBy
          ? orderedRelationsPage(index, checkedFilter(index, filter), orderBy, page)
          : relationsPage(index, checkedFilter(index, filter), page),
      );
    },
    search: (_, args, { index }, info) => {
      const { text, first } = resolverArguments(info, args);
      return searchEntities(index, text, checkRange('first', first, ARGUMENT_LIMITS.searchResults));
    },
    neighborhood: (_, args, { index }, info) => {
      const { id, depth, filter, limit } = resolverArguments(info, args);
      return asUserInput(() =>
        neighborhood(index, id, {
          depth: checkRange('depth', depth, ARGUMENT_LIMITS.neighborhoodDepth),
          limit: checkRange('limit', limit, ARGUMENT_LIMITS.neighborhoodRelations),
          filter: checkedFilter(index, filter),
        }),
      );
    },
    paths: (_, args, { index }, info) => {
      const { from, to, maxLength, first, filter } = resolverArguments(info, args);
      return asUserInput(() =>
        shortestPaths(index, from, to, {
          maxLength: checkRange('maxLength', maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first, ARGUMENT_LIMITS.paths),
          filter: checkedFilter(index, filter),
        }),
      );
    },
    pathsConnection: (_, args, { index }, info) => {
      const { from, to, minLength, maxLength, first, after, filter } = resolverArguments(info, args);
      return asUserInput(() => {
        const offset = offsetAfter(after);
        const page = pathPage(index, from, to, {
          minLength: checkRange('minLength', minLength, ARGUMENT_LIMITS.pathLength),
          maxLength: checkRange('maxLength', maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first, ARGUMENT_LIMITS.paths),
          offset,
          filter: checkedFilter(index, filter),
        });
        return pathConnection(page, offset);
      });
    },
    between: (_, { a, b, filter }, { index }) => asUserInput(() => between(index, a, b, checkedFilter(index, filter))),
    fullTextSearch: (_, { text }) => asUserInput(() => ({ text: fullTextQuery(text) })),
    sources: (_, args, { index }, info) => {
      const { text, orderBy } = resolverArguments(info, args);
      return asUserInput(() => sourcesPage(index, { text, orderBy }, listPageArgs(info, args)));
    },
    source: (_, { id }, { index }) => sourceById(index, id),
    disagreements: (_, args, { index }, info) => {
      const { entity } = args;
      const page = listPageArgs(info, args);
      if (entity != null && !index.graph.hasNode(entity)) {
        throw badUserInput(
          'entity',
          `No entity has the id "${entity}": pass the id of an existing entity, or leave \`entity\` out for every disagreement.`,
        );
      }
      return asUserInput(() => disagreementsPage(index, entity ?? null, page));
    },
    compareSources: (_, { a, b }, { index }) => asUserInput(() => compareSources(index, a, b)),
    vocabulary: (_, __, { index }) => ({
      entityTypes: entityTypeSummaries(index),
      relationTypes: relationTypeSummaries(index),
    }),
    stats: (_, __, { index }) => graphStats(index),
    dataset: (_, __, { index }) => datasetSummary(index),
    overview: (_, args, { index }, info) => {
      const { maxEntities, maxRelations } = resolverArguments(info, args);
      return overview(
        index,
        checkRange('maxEntities', maxEntities, ARGUMENT_LIMITS.overviewEntities),
        checkRange('maxRelations', maxRelations, ARGUMENT_LIMITS.overviewRelations),
      );
    },
    ...curationQueries,
    timeline: (_, args, { index }, info) => {
      const { bucket, filter } = resolverArguments(info, args);
      return asUserInput(() => {
        const checked = checkedFilter(index, filter);
        // Read the range now, so a bad one is an error of this field, not of each subfield.
        timelineCounts(index, bucket, checked);
        timelineEvents(index, checked, { first: 0 });
        return { bucket, filter: checked };
      });
    },
  },

  Timeline: {
    periods: ({ bucket, filter }, _, { index }) => timelineCounts(index, bucket, filter).periods,
    datedRelations: ({ bucket, filter }, _, { index }) => timelineCounts(index, bucket, filter).datedRelations,
    undatedRelations: ({ bucket, filter }, _, { index }) => timelineCounts(index, bucket, filter).undatedRelations,
    events: ({ filter }, args, { index }, info) => {
      const { first, after } = resolverArguments(info, args);
      return asUserInput(() =>
        timelineEvents(index, filter, { first: checkRange('first', first, ARGUMENT_LIMITS.pageSize), after }),
      );
    },
  },

  TimelineEvent: {
    entity: (event, _, { index }) => index.graph.getNodeAttributes(event.entityId),
  },

  TimeStatement: {
    precision: (statement) => PRECISIONS[statement.precision],
  },

  Mutation: curationMutations,

  Between: {
    relationGroups: (record) => record.groups,
    paths: (record, args, { index }, info) => {
      const { maxLength, first, after } = resolverArguments(info, args);
      return asUserInput(() => {
        const offset = offsetAfter(after);
        const page = pathsThroughOthers(index, record, {
          maxLength: checkRange('maxLength', maxLength, ARGUMENT_LIMITS.pathLength),
          first: checkRange('first', first, ARGUMENT_LIMITS.paths),
          offset,
        });
        return pathConnection(page, offset);
      });
    },
  },

  FullTextSearch: {
    entities: ({ text }, args, { index }, info) =>
      asUserInput(() => fullTextEntities(index, text, fullTextPage(resolverArguments(info, args)))),
    relations: ({ text }, args, { index }, info) =>
      asUserInput(() => fullTextRelations(index, text, fullTextPage(resolverArguments(info, args)))),
    passages: ({ text }, args, { index }, info) =>
      asUserInput(() => fullTextPassages(index, text, fullTextPage(resolverArguments(info, args)))),
  },

  Overview: {
    positions: (record, _, { index }) => overviewPositions(index, record),
  },

  Entity: {
    claims: (entity, args, { index }, info) =>
      asUserInput(() => claimsOfEntity(index, entity.id, listPageArgs(info, args))),
    relations: (entity, args, { index }, info) => {
      const { direction, types, neighborTypes, first, after } = resolverArguments(info, args);
      return asUserInput(() =>
        entityRelationsPage(index, entity.id, {
          direction,
          types,
          neighborTypes,
          first: checkRange('first', first, ARGUMENT_LIMITS.pageSize),
          after,
        }),
      );
    },
    degree: (entity, _, { index }) => degreeOf(index, entity.id),
    sources: (entity, args, { index }, info) =>
      asUserInput(() => sourcesOfEntity(index, entity.id, listPageArgs(info, args))),
    sourceIds: (entity, _, { index }) => [...(index.sourceIdsByEntity.get(entity.id) ?? [])],
    disagreements: (entity, args, { index }, info) =>
      asUserInput(() => disagreementsPage(index, entity.id, listPageArgs(info, args))),
    time: (entity) => entity.time ?? [],
    span: (entity, _, { index }) => index.time.entitySpan(entity.id),
    timeline: (entity, args, { index }, info) =>
      asUserInput(() => entityTimeline(index, entity.id, listPageArgs(info, args))),
    statements: (entity, args, { index }, info) => {
      const { first, after } = resolverArguments(info, args);
      return asUserInput(() =>
        statementsPage(index, entity.id, { first: checkRange('first', first, ARGUMENT_LIMITS.pageSize), after }),
      );
    },
  },

  Relation: {
    label: (relation, _, { index }) => relationTypeLabel(index, relation.type),
    subject: (relation, _, { index }) => index.graph.getNodeAttributes(relation.subject),
    object: (relation, _, { index }) => index.graph.getNodeAttributes(relation.object),
    sources: (relation, _, { index }) => sourceRecords(index, relation.sourceIds),
    corroboration: (relation) => relation.sourceIds.length,
    statedPlainly: (relation) => statedPlainly(relation),
    ownVoice: (relation) => relationPasses(relation, { ownVoice: true }),
    unhedged: (relation) => relationPasses(relation, { unhedged: true }),
    time: (relation) => relation.time ?? [],
    span: (relation, _, { index }) => index.time.relationSpan(relation.id),
  },

  Citation: {
    source: (citation, _, { index }) => index.knowledgeGraph.sources.get(citation.sourceId)!,
    relation: (citation, _, { index }) =>
      citation.target.kind === 'relation' ? (relationRecord(index, citation.target.id) ?? null) : null,
    claim: (citation, _, { index }) =>
      citation.target.kind === 'claim' ? (index.knowledgeGraph.claims.get(citation.target.id) ?? null) : null,
    attributedTo: (citation, _, { index }) => speakerOf(index, citation.attributedTo),
    hedge: (citation, _, { index }) =>
      citation.hedge === undefined ? null : (index.knowledgeGraph.vocabulary.hedges.get(citation.hedge) ?? null),
  },

  SourceComparison: {
    onlyA: (comparison, args, { index }, info) =>
      asUserInput(() => comparisonPage(index, comparison, 'onlyA', listPageArgs(info, args))),
    onlyB: (comparison, args, { index }, info) =>
      asUserInput(() => comparisonPage(index, comparison, 'onlyB', listPageArgs(info, args))),
    both: (comparison, args, { index }, info) =>
      asUserInput(() => comparisonPage(index, comparison, 'both', listPageArgs(info, args))),
  },

  Claim: {
    entity: (claim, _, { index }) => entityRecord(index, claim.entity)!,
    sources: (claim, _, { index }) => sourceRecords(index, claim.sourceIds),
  },

  Source: {
    citations: (source, args, { index }, info) =>
      asUserInput(() => citationsOfSource(index, source.id, listPageArgs(info, args))),
    relations: (source, args, { index }, info) =>
      asUserInput(() => relationsOfSource(index, source.id, listPageArgs(info, args))),
    claims: (source, args, { index }, info) =>
      asUserInput(() => claimsOfSource(index, source.id, listPageArgs(info, args))),
    entities: (source, args, { index }, info) =>
      asUserInput(() => entitiesOfSource(index, source.id, listPageArgs(info, args))),
    relationCount: (source, _, { index }) => sourceCounts(index, source.id).relationCount,
    claimCount: (source, _, { index }) => sourceCounts(index, source.id).claimCount,
    entityCount: (source, _, { index }) => sourceCounts(index, source.id).entityCount,
    citationCount: (source, _, { index }) => sourceCounts(index, source.id).citationCount,
  },
};
