/**
 * Compiled execution
 * ==================
 *
 * graphql-js interprets a query's selection anew on every request: for each field it looks up
 * the field definition, builds an argument object, wraps the resolver's result in completion
 * steps. For a distinct entity request on the seed graph this was a quarter of the server's
 * CPU time (`--cpu-prof` under `npm run bench:api`). graphql-jit compiles an operation once into
 * a JavaScript function that does only the work that operation needs; the compiled function is
 * kept per parsed document (Apollo hands over the same parsed document for the same text, from
 * its document store), so a repeated query shape pays compilation once.
 *
 * Apollo Server stays the server: parsing, validation and every limit run as before (they run
 * in `didResolveOperation`, before this hook), and this plugin only answers in
 * `responseForOperation`, the hook Apollo offers for answering an operation without its own
 * executor. Only a query answered without errors is served this way. Anything else (a
 * mutation, an operation the compiler refuses, an answer with errors) returns null and Apollo
 * executes it itself, so errors keep the one path that formats them (limits.ts formatError)
 * and the time limit's per-field check (time-limit.ts). Running a failed query a second time
 * costs nothing but time: queries only read the graph.
 *
 * The time limit still holds here: compiled queries run against a copy of the schema whose
 * every resolver first checks the request's deadline (time-limit.ts `throwIfPastDeadline`);
 * past it, the query fails, and Apollo's own execution, which then runs, answers the timeout
 * as before.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

import { throwIfPastDeadline } from './time-limit';

type ResolverMap = Record<string, Record<string, unknown>>;

/** The resolvers, each checking its request's deadline before it runs. */
function deadlineChecked(resolvers: ResolverMap): ResolverMap {
  return Object.fromEntries(
    Object.entries(resolvers).map(([type, fields]) => [
      type,
      Object.fromEntries(
        Object.entries(fields).map(([field, resolve]) => {
          if (typeof resolve !== 'function') return [field, resolve];
          const checked: GraphQLFieldResolver<unknown, object> = (parent, args, context, info) => {
            throwIfPastDeadline(context);
            return (resolve as GraphQLFieldResolver<unknown, object>)(parent, args, context, info);
          };
          return [field, checked];
        }),
      ),
    ]),
  );
}

/**
 * An operation seen once (not compiled yet), or what compiling it gave: its compiled form, or
 * null when the compiler refused it.
 */
type Compiled = typeof SEEN_ONCE | CompiledQuery | null;
const SEEN_ONCE = Symbol('seen once');

/** The compiled operations of each parsed document, by operation name. */
type CompiledByDocument = WeakMap<DocumentNode, Map<string, Compiled>>;

/**
 * The operation's compiled form, compiled the second time its parsed document comes: compiling
 * costs more than one execution, and a client sending ever new documents (each parsed anew)
 * should not make the server compile each one.
 */
function compiledOperation(
  compiledByDocument: CompiledByDocument,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): CompiledQuery | null {
  let byName = compiledByDocument.get(document);
  if (!byName) compiledByDocument.set(document, (byName = new Map()));
  const key = operationName ?? '';
  const known = byName.get(key);
  if (known === undefined) {
    byName.set(key, SEEN_ONCE);
    return null;
  }
  if (known !== SEEN_ONCE) return known;
  const result = compileQuery(schema, document, operationName);
  const compiled = isCompiledQuery(result) ? result : null;
  byName.set(key, compiled);
  return compiled;
}

/** Answers queries with compiled execution; `typeDefs` and `resolvers` are those Apollo serves. */
export function compiledExecutionPlugin<Context extends object>(
  typeDefs: string,
  resolvers: object,
): ApolloServerPlugin<Context> {
  const schema = makeExecutableSchema({ typeDefs, resolvers: deadlineChecked(resolvers as ResolverMap) });
  const compiledByDocument: CompiledByDocument = new WeakMap();
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request, contextValue }) {
          // Apollo calls this hook also when no operation matched (its type says otherwise);
          // its own execution then reports that.
          if ((operation as typeof operation | undefined)?.operation !== 'query') return null;
          const compiled = compiledOperation(compiledByDocument, schema, document, request.operationName ?? undefined);
          if (!compiled) return null;
          const result = await compiled.query(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: result },
          };
        },
      };
    },
  };
}
