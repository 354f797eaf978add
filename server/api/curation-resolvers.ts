/**
 * The curation fields: the data version, the change log, and the mutations. Each mutation
 * checks the curator session first (curator-session.ts), then hands the change to the write
 * path (server/curation/) and answers with the change-log entry.
 */
import { GraphQLError } from 'graphql';

import { type Change, CurationError, type RecordKind, undoneByOf } from '../curation/changes';
import type { ApiContext } from './context';
import { assertMayCurate } from './curator-session';
import { resolverArguments } from './defaults';
import { ERROR_CODES, checkRange } from './errors';
import type { MutationResolvers, QueryResolvers } from './generated/resolvers-types';
import { ARGUMENT_LIMITS } from './limits';

/** The schema's record kinds (RELATION …) as the write path names them (relation …). */
const kindOf = <Kind extends string>(target: Kind) => target.toLowerCase() as Lowercase<Kind> & RecordKind;

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

/** Who undid what, worked out once per state of the log (a change replaces the log's array). */
const undoneByCache = new WeakMap<readonly unknown[], Map<number, number>>();
function undoneByOfLog(log: Parameters<typeof undoneByOf>[0]): Map<number, number> {
  let undoneBy = undoneByCache.get(log);
  if (!undoneBy) undoneByCache.set(log, (undoneBy = undoneByOf(log)));
  return undoneBy;
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
    const undoneBy = undoneByOfLog(log);
    return log
      .slice(Math.max(0, log.length - count))
      .reverse()
      .map((entry) => ({ ...entry, undoneBy: undoneBy.get(entry.id) ?? null }));
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
