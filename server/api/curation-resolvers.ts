/**
 * The curation fields: the data version, the change log, and the mutations. Each mutation
 * checks the curator session first (curator-session.ts), then hands the change to the write
 * path (server/curation/) and answers with the change-log entry.
 */
import { GraphQLError } from 'graphql';

import { type Change, CurationError } from '../curation/changes';
import type { ApiContext } from './context';
import { assertMayCurate } from './curator-session';
import { resolverArguments } from './defaults';
import { ERROR_CODES, checkRange } from './errors';
import type { CitedRecordKind, MutationResolvers, QueryResolvers } from './generated/resolvers-types';
import { ARGUMENT_LIMITS } from './limits';

const kindOf = (target: CitedRecordKind) => (target === 'RELATION' ? 'relation' : 'claim');

async function applyChange(context: ApiContext, baseVersion: string, change: Change) {
  const by = assertMayCurate(context.curator);
  if (!context.curation) {
    throw new GraphQLError('This server is read-only.', { extensions: { code: ERROR_CODES.curationDisabled } });
  }
  try {
    const { entry } = await context.curation.apply(change, { by, baseVersion });
    return { change: entry, dataVersion: entry.version };
  } catch (error) {
    if (error instanceof CurationError) {
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, ...(error.argument ? { argument: error.argument } : {}) },
      });
    }
    throw error;
  }
}

export const curationQueries: Pick<
  QueryResolvers<ApiContext>,
  'dataVersion' | 'curation' | 'changes' | 'curationVocabulary'
> = {
  curationVocabulary: (_, __, { index }) => {
    const { vocabulary } = index.knowledgeGraph;
    return {
      hedges: [...vocabulary.hedges.values()],
      reportingCues: vocabulary.reportingCues ?? [],
      claimAttributes: [...vocabulary.claimAttributes.values()],
    };
  },
  dataVersion: (_, __, { dataVersion }) => dataVersion ?? 'unversioned',
  curation: (_, __, { curator }) => ({ enabled: curator?.enabled ?? false, curator: curator?.curator ?? null }),
  changes: (_, args, { curation }, info) => {
    const { first } = resolverArguments(info, args);
    const count = checkRange('first', first, ARGUMENT_LIMITS.pageSize);
    const log = curation?.log() ?? [];
    return log.slice(Math.max(0, log.length - count)).reverse();
  },
};

export const curationMutations: MutationResolvers<ApiContext> = {
  addEntity: (_, { baseVersion, entity }, context) => applyChange(context, baseVersion, { kind: 'addEntity', entity }),
  addAlias: (_, { baseVersion, entity, alias }, context) =>
    applyChange(context, baseVersion, { kind: 'addAlias', entity, alias }),
  addRelation: (_, { baseVersion, relation, newEntities }, context) =>
    applyChange(context, baseVersion, { kind: 'addRelation', relation, newEntities }),
  addClaim: (_, { baseVersion, claim }, context) => applyChange(context, baseVersion, { kind: 'addClaim', claim }),
  addCitation: (_, { baseVersion, target, id, citation }, context) =>
    applyChange(context, baseVersion, { kind: 'addCitation', target: kindOf(target), id, citation }),
  retire: (_, { baseVersion, target, id, reason }, context) =>
    applyChange(context, baseVersion, { kind: 'retire', target: kindOf(target), id, reason }),
  revertChange: (_, { baseVersion, change, reason }, context) =>
    applyChange(context, baseVersion, { kind: 'revert', change, reason }),
};
