/**
 * Abuse limits
 * ============
 *
 * The graph is cyclic (Entity → relations → Entity …), so one small query could ask for the
 * whole graph many times over, and any input could be made large. These layers stop that,
 * each answering with an error that has a clear message and an `extensions.code`, after which
 * the server goes on serving:
 *
 * - Transport (app.ts): 100 kB JSON bodies, no batching, CSRF prevention; HTTP time limits.
 * - Request (request-bounds.ts, 400): document length (DOCUMENT_TOO_LARGE), variables' depth
 *   and count, persisted-query extension (PERSISTED_QUERY_INVALID), before anything is parsed.
 * - Shape (GraphQL Armor, GRAPHQL_VALIDATION_FAILED): depth, aliases, directives; tokens
 *   (graphql-js parser, GRAPHQL_PARSE_FAILED); selections (request-bounds.ts, before
 *   validation, which is quadratic in same-named fields).
 * - Argument bounds (argument-bounds.ts, BAD_USER_INPUT, 400): string and list lengths, no null
 *   for a required argument, before execution.
 * - Cost (graphql-query-complexity, QUERY_TOO_COMPLEX): the `@complexity` directives of
 *   schema.graphql, where `first` multiplies everything below it, plus an assumed size for
 *   each list without a `first` (Entity.relations …), so nesting multiplies as it would at run
 *   time. A null or omitted argument costs its schema default, as it is served (defaults.ts).
 * - Argument ranges (resolvers, BAD_USER_INPUT): `first`, `depth`, `maxLength`, `limit`.
 * - Time (time-limit.ts, REQUEST_TIMEOUT): a backstop for all of the above.
 * - Memory (document-store.ts): the caches Apollo keeps are bounded by bytes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  getDirectiveValues,
  getNullableType,
  isListType,
} from 'graphql';
import {
  type ComplexityEstimator,
  createComplexityDirective,
  directiveEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';

import { argumentBoundsPlugin } from './argument-bounds';
import type { ApiContext } from './context';
import { costOnce } from './cost-once';
import { withSchemaDefaults } from './defaults';
import { createDocumentStore, createPersistedQueryCache } from './document-store';
import { type ArgumentRange, ERROR_CODES, formatError } from './errors';
import { REQUEST_TIME_LIMIT_MS, timeLimitPlugin } from './time-limit';

// Arguments ------------------------------------------------------------------------------------

/** Allowed ranges of the arguments that size a result; schema.graphql states the same. */
export const ARGUMENT_LIMITS = {
  /**
   * `first` of `entities`, `relations` and every other connection of a growable list
   * (`sources`, `disagreements`, `Entity.claims`, `Source.citations` …).
   */
  pageSize: { min: 0, max: 500 },
  /** `first` of `search`. */
  searchResults: { min: 0, max: 50 },
  /** `first` of `paths`. */
  paths: { min: 0, max: 50 },
  /** `maxLength` of `paths`, in hops. */
  pathLength: { min: 1, max: 5 },
  /** `depth` of `neighborhood`, in hops. */
  neighborhoodDepth: { min: 0, max: 3 },
  /** `limit` of `neighborhood`, in relations. */
  neighborhoodRelations: { min: 0, max: 5000 },
  /** `maxEntities` of `overview`. */
  overviewEntities: { min: 1, max: 2000 },
  /** `maxRelations` of `overview`. */
  overviewRelations: { min: 0, max: 10000 },
} as const satisfies Record<string, ArgumentRange>;

// Shape ------------------------------------------------------------------------------------------

/**
 * The explorer's deepest query (relations → edges → node → citations → source → id) is 6
 * levels; 10 leaves room for a hop more, not for a walk around the cycle.
 */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
export const MAX_DIRECTIVES = 10;
/** The explorer's largest query is about 80 tokens; the sandbox's introspection query about 300. */
export const MAX_TOKENS = 2000;

/**
 * Fields, fragment spreads and inline fragments in one document. The explorer's largest query
 * has about 50, the sandbox's introspection query 80. graphql-js's validation compares fields
 * of the same name pairwise (OverlappingFieldsCanBeMerged), so 500 of them, which 2 000 tokens
 * allow, hold the server for a quarter of a second; 150 for a few milliseconds.
 */
export const MAX_SELECTIONS = 150;

/**
 * graphql-js stops parsing past `maxTokens` (the check Armor's max-tokens parser makes), and
 * Apollo answers it as a syntax error: GRAPHQL_PARSE_FAILED, 400.
 */
export const PARSE_OPTIONS = { maxTokens: MAX_TOKENS };

// Cost -----------------------------------------------------------------------------------------

/**
 * The explorer's page query, `relations(first: 400)` with each relation's type, label, ends,
 * source ids, citations and time span, costs about 21 000; two nested `relations` under it cost
 * hundreds of thousands.
 */
export const MAX_COST = 25_000;

/**
 * Assumed sizes of the lists that take no `first`: the cost of a list is its own cost plus
 * its items' cost times this size. Sizes are generous averages of the shipped graph, so an
 * honest query stays well under MAX_COST and nesting pays what it costs. Connection `edges`
 * count 1: their size is the connection's `first`, which its @complexity already multiplies.
 */
export const ASSUMED_LIST_SIZES: Readonly<Record<string, number>> = {
  'EntityConnection.edges': 1,
  'RelationConnection.edges': 1,
  'EntityRelationConnection.edges': 1,
  'CitationConnection.edges': 1,
  'SourceConnection.edges': 1,
  'ClaimConnection.edges': 1,
  'DisagreementConnection.edges': 1,
  'Relation.citations': 3,
  'Relation.sources': 3,
  'Claim.citations': 3,
  'Claim.sources': 3,
  'Disagreement.claims': 3,
  'Subgraph.entities': 100,
  'Subgraph.relations': 100,
  'Path.entities': 4,
  'Path.relations': 3,
  'Path.hops': 3,
  'PathHop.relations': 2,
  'Vocabulary.entityTypes': 10,
  'Vocabulary.relationTypes': 40,
  'PathConnection.edges': 1,
  'Between.relations': 10,
  'Between.relationGroups': 5,
  'RelationGroup.relations': 2,
  'EntityMatchConnection.edges': 1,
  'RelationMatchConnection.edges': 1,
  'PassageConnection.edges': 1,
  'RelationMatch.quotes': 3,
  'QuoteMatch.matches': 3,
  'Passage.matches': 3,
  'Entity.time': 2,
  'Relation.time': 1,
  'TimeStatement.citations': 2,
  'PublishedEvidence.citations': 2,
  'Timeline.periods': 100,
  'TimelineEventConnection.edges': 1,
};

/** For a list field missing from ASSUMED_LIST_SIZES (one added to the schema later). */
const DEFAULT_LIST_SIZE = 10;

const complexityDirective = createComplexityDirective();

/**
 * Lists without a `first`: (own cost, from @complexity or 1) + items' cost × assumed size.
 * Fields with `multipliers` and introspection are left to directiveEstimator/simpleEstimator.
 */
const listSizeEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return undefined;
  if (!isListType(getNullableType(field.type))) return undefined;
  const directive = complexityValues(field);
  if (directive?.multipliers?.length) return undefined;
  const size = ASSUMED_LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
  return (directive?.value ?? 1) + childComplexity * size;
};

function complexityValues(
  field: GraphQLField<unknown, unknown>,
): { value: number; multipliers?: string[] | null } | undefined {
  if (!field.astNode) return undefined;
  return getDirectiveValues(complexityDirective, field.astNode) as
    { value: number; multipliers?: string[] | null } | undefined;
}

/**
 * An estimator that reads the arguments as the resolvers do: null or omitted is the schema's
 * default (`first: null` costs 50, not 1). A negative number counts as 0: the resolvers refuse
 * it, and it must not pay for a costly sibling of the same query meanwhile.
 */
function servedArguments(estimator: ComplexityEstimator): ComplexityEstimator {
  return (options) => {
    const args: Record<string, unknown> = { ...withSchemaDefaults(options.field, options.args) };
    for (const [name, value] of Object.entries(args)) if (typeof value === 'number' && value < 0) args[name] = 0;
    return estimator({ ...options, args });
  };
}

export const COST_ESTIMATORS: ComplexityEstimator[] = [
  listSizeEstimator,
  directiveEstimator(),
  simpleEstimator({ defaultComplexity: 1 }),
].map(servedArguments);

/** The cost of one operation of a document, as the limit counts it. */
export function operationCost(
  schema: GraphQLSchema,
  document: Parameters<typeof getComplexity>[0]['query'],
  operationName?: string | null,
  variables?: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: COST_ESTIMATORS,
  });
}

/** Rejects operations that cost more than MAX_COST, before any resolver runs. */
export function costLimitPlugin(maxCost = MAX_COST): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            const variables = request.variables ?? undefined;
            cost = costOnce(document, operationName, variables, () =>
              operationCost(schema, document, operationName, variables),
            );
          } catch {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `The query costs ${cost}, over the limit of ${maxCost}: ask for smaller pages (\`first\`) or nest fewer lists (such as \`relations\` inside \`relations\`).`,
              { extensions: { code: ERROR_CODES.queryTooComplex, cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

// Together ------------------------------------------------------------------------------------

/**
 * Armor reports its rejections as "Syntax Error: …" without naming the limit; this reports
 * them as validation errors that do (Apollo answers them with GRAPHQL_VALIDATION_FAILED, 400).
 */
function reportLimit(limit: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: { code: ERROR_CODES.validationFailed, limit },
      }),
    );
  };
}

/** The plugins, validation rules and caches that enforce every limit, for the ApolloServer config. */
export function protection(options: { production: boolean; timeLimitMs?: number }) {
  const armor = new ApolloArmor({
    maxDepth: {
      n: MAX_DEPTH,
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportLimit('maxDepth')],
    },
    maxAliases: { n: MAX_ALIASES, propagateOnRejection: false, onReject: [reportLimit('maxAliases')] },
    maxDirectives: { n: MAX_DIRECTIVES, propagateOnRejection: false, onReject: [reportLimit('maxDirectives')] },
    // Armor's Apollo token plugin re-parses in `parsingDidStart`, where any throw (its own
    // limit, or a plain syntax error) becomes a 500 (graphql-armor issues #571, #751). The same
    // count runs in graphql-js's parser instead: see PARSE_OPTIONS.
    maxTokens: { enabled: false },
    // The cost limit is graphql-query-complexity's, which reads the schema's @complexity.
    costLimit: { enabled: false },
    // "Did you mean …?" would let anyone map a production schema without introspection.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  return {
    plugins: [
      // Before the cost limit: it reads the arguments these bounds check.
      argumentBoundsPlugin(),
      ...armor.plugins,
      costLimitPlugin(),
      timeLimitPlugin(options.timeLimitMs ?? REQUEST_TIME_LIMIT_MS),
    ] as ApolloServerPlugin<ApiContext>[],
    validationRules: [...(armor.validationRules ?? []), readOnlyRule],
    parseOptions: PARSE_OPTIONS,
    documentStore: createDocumentStore(),
    persistedQueries: { cache: createPersistedQueryCache() },
    formatError: formatError(options.production),
  };
}

/**
 * graphql-js 16 validates a mutation against a schema without a Mutation type only at
 * execution, where it becomes a 200 with an INTERNAL_SERVER_ERROR. Refusing it here makes it
 * a 400 GRAPHQL_VALIDATION_FAILED that says why.
 */
export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API is read-only: it has no ${node.operation} operations. Send a query instead.`, {
        nodes: node,
      }),
    );
  },
});
