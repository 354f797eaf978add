/**
 * Request bounds
 * ==============
 *
 * Checks on the parts of a GraphQL request that Apollo would otherwise read whatever their
 * size: the document, the variables and the persisted-query extension. They run before
 * Apollo parses anything, in time proportional to the request (itself under the 100 kB body
 * limit), and answer a 400 with a specific code naming what is over which maximum.
 */
import { createHash } from 'node:crypto';

import type { RequestHandler } from 'express';
import { parse, visit } from 'graphql';
import { LRUCache } from 'lru-cache';

import { ERROR_CODES, httpErrorBody } from './errors';
import { MAX_SELECTIONS, PARSE_OPTIONS } from './limits';

/**
 * Largest GraphQL document, in characters. The explorer's largest query is under 1 000; the
 * sandbox's introspection query about 2 000. Bounded apart from the body (which stays at
 * 100 kB for variables) because parsed documents are cached and a parse costs more than JSON.
 */
export const MAX_DOCUMENT_LENGTH = 10_000;

/** Deepest nesting of the variables (an object or list inside another counts one level). */
export const MAX_VARIABLES_DEPTH = 8;
/** Most values in the variables, counting every object, list, string, number and boolean. */
export const MAX_VARIABLES_VALUES = 2_000;
/** Longest operation name, in characters. */
export const MAX_OPERATION_NAME_LENGTH = 200;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Budget, in bytes of document text, of the documents already counted within the selection
 * limit. Clients send the same few documents with different variables, and counting parses
 * the whole text: remembering the verdict spares a parse per request (about a tenth of a
 * distinct request's time on the seed graph). Only documents within bounds are kept, so a
 * client cannot fill it with documents that are refused anyway.
 */
const COUNTED_DOCUMENTS_BYTES = 2 * 1024 * 1024;
const countedDocuments = new LRUCache<string, true>({
  maxSize: COUNTED_DOCUMENTS_BYTES,
  sizeCalculation: (_value, query) => Math.max(1, query.length * 2),
});

class RequestOutOfBounds extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Express middleware for the GraphQL path, after the JSON body parser. */
export const requestBounds: RequestHandler = (req, res, next) => {
  try {
    if (req.method === 'POST') checkRequest(req.body);
    else if (req.method === 'GET') checkRequest(getRequest(req.query));
  } catch (error) {
    if (!(error instanceof RequestOutOfBounds)) throw error;
    res.status(400).json(httpErrorBody(error.message, error.code));
    return;
  }
  next();
};

/** What is out of bounds in a parsed POST body, for the GraphQL fast path (graphql-post.ts); undefined when nothing is. */
export function postBodyOutOfBounds(body: unknown): { message: string; code: string } | undefined {
  try {
    checkRequest(body);
    return undefined;
  } catch (error) {
    if (!(error instanceof RequestOutOfBounds)) throw error;
    return { message: error.message, code: error.code };
  }
}

/** A GET request's fields, with `variables` and `extensions` read from their JSON. */
function getRequest(query: Record<string, unknown>): Record<string, unknown> {
  const request: Record<string, unknown> = { query: query.query, operationName: query.operationName };
  for (const key of ['variables', 'extensions'] as const) {
    const value = query[key];
    if (typeof value !== 'string') continue;
    if (value.length > MAX_DOCUMENT_LENGTH) {
      throw new RequestOutOfBounds(
        `\`${key}\` is ${value.length} characters long, over the maximum of ${MAX_DOCUMENT_LENGTH} for a GET request: send it by POST.`,
        ERROR_CODES.badRequest,
      );
    }
    try {
      request[key] = JSON.parse(value);
    } catch {
      // Not JSON: Apollo answers that with a 400 of its own.
    }
  }
  return request;
}

function checkRequest(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return; // Apollo answers these.
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query === 'string' && query.length > MAX_DOCUMENT_LENGTH) {
    throw new RequestOutOfBounds(
      `The GraphQL document is ${query.length} characters long, over the maximum of ${MAX_DOCUMENT_LENGTH}: ` +
        'send a shorter query, and values as variables.',
      ERROR_CODES.documentTooLarge,
    );
  }
  if (typeof query === 'string') checkSelections(query);
  if (typeof operationName === 'string' && operationName.length > MAX_OPERATION_NAME_LENGTH) {
    throw new RequestOutOfBounds(
      `\`operationName\` is ${operationName.length} characters long, over the maximum of ${MAX_OPERATION_NAME_LENGTH}.`,
      ERROR_CODES.badRequest,
    );
  }
  if (variables != null) checkVariables(variables);
  if (typeof extensions === 'object' && extensions !== null) {
    checkPersistedQuery((extensions as Record<string, unknown>).persistedQuery, query);
  }
}

/**
 * Selections counted before Apollo validates: its validation runs every rule over the whole
 * document, one of them pairwise over fields of the same name, and no rule of ours can stop
 * it early (a plugin hook that throws there becomes a 500). A parse without locations costs
 * a few microseconds per token, and the document is at most 10 000 characters.
 */
function checkSelections(query: string): void {
  if (countedDocuments.has(query)) return;
  let document;
  try {
    document = parse(query, { ...PARSE_OPTIONS, noLocation: true });
  } catch {
    return; // Apollo answers the syntax error itself, with its location.
  }
  let selections = 0;
  const count = () => void selections++;
  visit(document, { Field: count, FragmentSpread: count, InlineFragment: count });
  if (selections > MAX_SELECTIONS) {
    throw new RequestOutOfBounds(
      `The document has ${selections} selections (fields and fragments), over the limit of ${MAX_SELECTIONS}: split it into several requests.`,
      ERROR_CODES.validationFailed,
    );
  }
  countedDocuments.set(query, true);
}

/** Depth and number of values, walked without recursion so a deep value cannot overflow the stack. */
function checkVariables(variables: unknown): void {
  let values = 0;
  const stack: [unknown, number][] = [[variables, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > MAX_VARIABLES_VALUES) {
      throw new RequestOutOfBounds(
        `The variables hold more than ${MAX_VARIABLES_VALUES} values: send fewer, or ask in several requests.`,
        ERROR_CODES.badUserInput,
      );
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_VARIABLES_DEPTH) {
      throw new RequestOutOfBounds(
        `The variables are nested more than ${MAX_VARIABLES_DEPTH} levels deep; no argument of this API is that deep.`,
        ERROR_CODES.badUserInput,
      );
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

/**
 * Automatic persisted queries, version 1: `sha256Hash` is the hex SHA-256 of the query.
 * Apollo answers a wrong version or hash with a 400 coded INTERNAL_SERVER_ERROR; these are the
 * client's mistakes and say so.
 */
function checkPersistedQuery(persistedQuery: unknown, query: unknown): void {
  if (persistedQuery === undefined) return;
  const { version, sha256Hash } = (persistedQuery ?? {}) as Record<string, unknown>;
  if (version !== 1) {
    throw new RequestOutOfBounds(
      `Persisted query version ${JSON.stringify(version)} is not supported: send \`"version": 1\`.`,
      ERROR_CODES.persistedQueryInvalid,
    );
  }
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw new RequestOutOfBounds(
      "The persisted query's `sha256Hash` must be 64 lower-case hex digits: the SHA-256 of the query.",
      ERROR_CODES.persistedQueryInvalid,
    );
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== sha256Hash) {
    throw new RequestOutOfBounds(
      "The persisted query's `sha256Hash` is not the SHA-256 of the query sent with it.",
      ERROR_CODES.persistedQueryInvalid,
    );
  }
}
