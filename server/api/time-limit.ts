/**
 * Time limits
 * ===========
 *
 * Input bounds and the cost limit keep every request small, so none should come near these;
 * they are the backstop that turns a mistake in those bounds into a clear error instead of a
 * hang.
 * - GraphQL execution: once a request has run REQUEST_TIME_LIMIT_MS, every field that starts
 *   resolving fails, so execution ends at the next field, and the answer is one
 *   REQUEST_TIMEOUT error (HTTP 503). Resolvers are synchronous: a single resolver cannot be
 *   interrupted, which is why the bounds, not this, keep each one short.
 * - HTTP (server.ts): a client has HEADERS_TIMEOUT_MS to send its headers and
 *   HTTP_REQUEST_TIMEOUT_MS to send its whole request, so slow senders cannot hold sockets.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { ApiContext } from './context';
import { ERROR_CODES } from './errors';

/** Longest a GraphQL request may run, from the start of its processing. */
export const REQUEST_TIME_LIMIT_MS = 5_000;
/** Longest a client may take to send its request headers. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Longest a client may take to send its whole request. */
export const HTTP_REQUEST_TIMEOUT_MS = 15_000;

function timeoutError(limitMs: number): GraphQLError {
  return new GraphQLError(`The request ran past the time limit of ${limitMs} ms and was stopped: ask for less.`, {
    extensions: { code: ERROR_CODES.requestTimeout, limitMs },
  });
}

/** Each running request's deadline, by its context, for checks outside Apollo's executor. */
const deadlines = new WeakMap<object, { deadline: number; limitMs: number }>();

/**
 * Fails when the request with this context has run past its time limit, as a field does under
 * Apollo's executor; for compiled execution (compiled-execution.ts), which Apollo's
 * `willResolveField` hook does not reach.
 */
export function throwIfPastDeadline(context: object): void {
  const limit = deadlines.get(context);
  if (limit && performance.now() > limit.deadline) throw timeoutError(limit.limitMs);
}

export function timeLimitPlugin(limitMs = REQUEST_TIME_LIMIT_MS): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ contextValue }) {
      const deadline = performance.now() + limitMs;
      deadlines.set(contextValue, { deadline, limitMs });
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (performance.now() > deadline) throw timeoutError(limitMs);
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((error) => error.extensions?.code === ERROR_CODES.requestTimeout)) return;
          // Every field that started after the deadline failed alike: one error says it.
          response.body.singleResult.errors = [timeoutError(limitMs).toJSON()];
          response.http.status = 503;
        },
      };
    },
  };
}
