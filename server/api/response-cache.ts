/**
 * The response cache
 * ==================
 *
 * The graph does not change between two requests unless it is swapped, so the same request
 * gets the same answer: answers are kept by (data version, request) and sent again as the very
 * same bytes, without parsing, validating or executing anything. Bounded by bytes (lru-cache's
 * maxSize); emptied as soon as the served graph's data version differs from the one its
 * answers were made from, so an answer never outlives a data change.
 *
 * Only complete answers without errors are kept: an error may come from a limit or a fault
 * that a later request would not meet.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';

/**
 * Default bound: the seed graph's every answer fits many times over; a large graph's hot set
 * does. Kept small beside the graph itself, so that traffic that fills it (a flood of distinct
 * requests) does not grow the server by more than half its size after warm-up.
 */
export const RESPONSE_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Requests longer than this are answered but not kept: the explorer's questions are a few kB,
 * while a long request is most often one padded to be distinct, whose key would cost more
 * memory than its answer saves.
 */
export const LONGEST_CACHED_REQUEST = 4 * 1024;

export interface CachedResponse {
  status: number;
  headers: [name: string, value: string][];
  body: Buffer;
}

/** A GraphQL-over-HTTP request whose answer depends only on what the key holds (and the data). */
export interface CacheableRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export class ResponseCache {
  readonly #entries: LRUCache<string, CachedResponse>;
  readonly #currentVersion: () => string;
  readonly #enabled: boolean;
  #version: string | undefined;

  /** `currentVersion` reads the served graph's data version at the moment of each call. */
  constructor(currentVersion: () => string, maxBytes = RESPONSE_CACHE_BYTES) {
    this.#currentVersion = currentVersion;
    this.#enabled = maxBytes > 0;
    this.#entries = new LRUCache<string, CachedResponse>({
      maxSize: Math.max(1, maxBytes),
      // One answer may not push out more than an eighth of the others.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
      sizeCalculation: (response, key) => response.body.length + key.length * 2 + 64,
    });
  }

  /** The served data version; entries made from any other version are dropped first. */
  version(): string {
    const version = this.#currentVersion();
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    return version;
  }

  get(key: string): CachedResponse | undefined {
    this.version();
    return this.#entries.get(key);
  }

  /** Keeps an answer made from `version`, unless the data changed while it was being made. */
  set(version: string, key: string, response: CachedResponse): void {
    if (!this.#enabled || key.length > LONGEST_CACHED_REQUEST || this.version() !== version) return;
    this.#entries.set(key, response);
  }

  /** Bytes held, for tests and /healthz-style reporting. */
  get size(): number {
    return this.#entries.calculatedSize;
  }
}

/**
 * The key of a request: its body exactly as sent, so that a repeated request is found before
 * its JSON is even parsed (the same request spelled differently is merely kept twice). The
 * Accept header is part of it because it chooses the answer's content type.
 */
export function responseCacheKey(rawBody: string, accept: string | undefined): string {
  return `${accept ?? ''}\n${rawBody}`;
}

/**
 * Whether a parsed body is a plain GraphQL request, whose answer depends on nothing but its
 * body and the data. A batch, a persisted-query hash or other extensions go to Apollo uncached.
 */
export function isCacheableRequest(body: unknown): body is CacheableRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return false;
  if (operationName != null && typeof operationName !== 'string') return false;
  return variables == null || (typeof variables === 'object' && !Array.isArray(variables));
}

/**
 * Where a request's outcome is written for the fast path to read. Apollo gives plugins a
 * shallow copy of the context object, so the outcome lives in an object the copy shares, under
 * a symbol (copied by Object.assign, invisible to resolvers).
 */
const ANSWER = Symbol('answer outcome');
interface AnswerOutcome {
  complete: boolean;
}

/** The context with a place for its request's outcome, for completeAnswerPlugin to fill in. */
export function withAnswerOutcome<Context extends object>(context: Context): Context {
  return Object.assign(context, { [ANSWER]: { complete: false } satisfies AnswerOutcome });
}

/** Marks the requests (by their context) that ended in a 200 answer without errors. */
export function completeAnswerPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          const outcome = (contextValue as { [ANSWER]?: AnswerOutcome })[ANSWER];
          const status = response.http.status ?? 200;
          // Only a query's answer is the same for everyone until the data changes: never a mutation's.
          const query = operation?.operation === 'query';
          if (
            outcome &&
            query &&
            status === 200 &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors
          ) {
            outcome.complete = true;
          }
        },
      };
    },
  };
}

/** Whether the request with this context ended in a complete answer that may be cached. */
export function isCompleteAnswer(context: object): boolean {
  return (context as { [ANSWER]?: AnswerOutcome })[ANSWER]?.complete === true;
}
