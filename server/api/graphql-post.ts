/**
 * The GraphQL POST fast path
 * ==========================
 *
 * `POST /graphql` with a JSON body is nearly every request the API gets. It is answered here,
 * straight from Node's request, rather than through Express: a cached answer is written as
 * stored bytes, and anything else goes to Apollo's `executeHTTPGraphQLRequest` (what the
 * Express integration calls too), whose answer is cached when complete. Express's routing,
 * CORS and body-parser cost more per request than answering from the cache does.
 *
 * Every other request, and every POST that needs more than this (no Content-Length or a body
 * over the limit, an Origin allowed by CORS_ORIGINS, which needs CORS headers), goes to the
 * Express app unread, which answers it as before. Apollo still makes every check on what
 * reaches it (CSRF, limits), and the request bounds of request-bounds.ts run here as on the
 * Express path; a cached answer was made under the same checks, and only JSON requests come
 * here, which the CSRF check accepts.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import { type ApolloServer, HeaderMap } from '@apollo/server';

import { chosenEncoding, CompressedCopies } from './compressed-answers';
import type { ApiContext } from './context';
import { ERROR_CODES, httpErrorBody } from './errors';
import {
  type CachedResponse,
  type ResponseCache,
  isCacheableRequest,
  isCompleteAnswer,
  responseCacheKey,
  withAnswerOutcome,
} from './response-cache';
import { postBodyOutOfBounds } from './request-bounds';
import type { ServedGraph } from './served-graph';

export interface GraphQLPostOptions {
  apollo: ApolloServer<ApiContext>;
  servedGraph: ServedGraph;
  cache: ResponseCache;
  path: string;
  /** Largest body read here; larger ones go to Express, which answers 413. */
  bodyLimitBytes: number;
  /** The message for a body that is not JSON, the same Express gives. */
  invalidJsonMessage: string;
  /** Origins that get CORS headers: their requests go through Express's cors middleware. */
  corsOrigins: readonly string[];
  /** A request's context (app.ts apiContext); the server's own requests have headers only. */
  context: (req: Pick<IncomingMessage, 'headers'>) => ApiContext;
  /** Requests whose answer depends on who asks (a curator session): sent to Express, never cached. */
  personal: (req: IncomingMessage) => boolean;
}

/** A request listener that answers GraphQL POSTs and hands everything else to `next`. */
export function graphqlPostListener(options: GraphQLPostOptions, next: RequestListener): RequestListener {
  const corsOrigins = new Set(options.corsOrigins);
  return (req, res) => {
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== options.path ||
      !req.headers['content-type']?.startsWith('application/json') ||
      !Number.isInteger(length) ||
      length > options.bodyLimitBytes ||
      (req.headers.origin !== undefined && corsOrigins.has(req.headers.origin)) ||
      options.personal(req)
    ) {
      next(req, res);
      return;
    }
    answer(options, req, res, length).catch((error: unknown) => {
      // A client that went away mid-request is no fault of ours.
      if (req.destroyed || res.destroyed) return;
      console.error(error);
      if (!res.headersSent)
        send(res, 500, JSON.stringify(httpErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR')));
      else res.destroy();
    });
  };
}

async function answer(options: GraphQLPostOptions, req: IncomingMessage, res: ServerResponse, length: number) {
  const text = (await readBody(req, length)).toString('utf8');
  const { cache } = options;
  const key = responseCacheKey(text, req.headers.accept);
  const cached = cache.get(key);
  if (cached) {
    writeCached(req, res, cached);
    return;
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    send(res, 400, JSON.stringify(httpErrorBody(options.invalidJsonMessage, ERROR_CODES.badRequest)));
    return;
  }
  // The same bounds as on the Express path (a cached answer passed them when it was made).
  const outOfBounds = postBodyOutOfBounds(body);
  if (outOfBounds) {
    send(res, 400, JSON.stringify(httpErrorBody(outOfBounds.message, outOfBounds.code)));
    return;
  }

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await execute(options, body, key, req, headers);
  if (response.body.kind === 'chunked') {
    res.writeHead(response.status, response.headers.flat());
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
    return;
  }
  writeCached(req, res, { status: response.status, headers: response.headers, body: response.body.bytes });
}

type ExecutedBody =
  { kind: 'complete'; bytes: Buffer } | { kind: 'chunked'; asyncIterator: AsyncIterableIterator<string> };

/** Apollo's answer to a parsed body within bounds; kept in the cache under `key` when complete. */
async function execute(
  options: GraphQLPostOptions,
  body: unknown,
  key: string,
  req: Pick<IncomingMessage, 'headers'>,
  headers: HeaderMap,
): Promise<{ status: number; headers: [string, string][]; body: ExecutedBody }> {
  const { cache } = options;
  const version = cache.version();
  const context = withAnswerOutcome<ApiContext>(options.context(req));
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: async () => context,
  });
  const status = response.status ?? 200;
  // Answers here may be compressed (writeCached): they vary with Accept-Encoding as well.
  const responseHeaders: [string, string][] = [...response.headers, ['vary', 'Origin, Accept-Encoding']];
  if (response.body.kind === 'chunked') {
    return { status, headers: responseHeaders, body: { kind: 'chunked', asyncIterator: response.body.asyncIterator } };
  }
  const bytes = Buffer.from(response.body.string, 'utf8');
  if (isCacheableRequest(body) && isCompleteAnswer(context)) {
    cache.set(version, key, { status, headers: responseHeaders, body: bytes });
  }
  return { status, headers: responseHeaders, body: { kind: 'complete', bytes } };
}

/**
 * The key under which the answer to a request the server itself asks (the explorer page's
 * opening requests, opening-answers.ts) is kept: no client sends these exact bytes.
 */
export const ownRequestKey = (text: string) => responseCacheKey(text, undefined);

/**
 * Answers a GraphQL POST body the server asks itself, on behalf of `req`, into the cache, so
 * that the next page can carry the answer; a body that is not JSON or out of bounds is ignored.
 */
export async function answerIntoCache(
  options: GraphQLPostOptions,
  text: string,
  req: Pick<IncomingMessage, 'headers'>,
): Promise<void> {
  const key = ownRequestKey(text);
  if (options.cache.get(key)) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return;
  }
  if (postBodyOutOfBounds(body)) return;
  // Asked as the explorer asks: a JSON POST (the page's own request is a GET for HTML).
  const headers = new HeaderMap([
    ['content-type', 'application/json'],
    ['accept', 'application/json'],
  ]);
  const response = await execute(options, body, key, req, headers);
  if (response.body.kind === 'chunked') for await (const chunk of response.body.asyncIterator) void chunk;
}

/** Compressed copies of the cached answers, made once each. */
const compressedAnswers = new CompressedCopies<CachedResponse>();

function writeCached(req: IncomingMessage, res: ServerResponse, answer: CachedResponse): void {
  const { body, encoding } = compressedAnswers.encode(answer, answer.body, chosenEncoding(req));
  const headers = [...answer.headers.flat(), 'content-length', String(body.length)];
  res.writeHead(answer.status, encoding ? [...headers, 'content-encoding', encoding] : headers);
  res.end(body);
}

function send(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' });
  res.end(json);
}

/** The body, which Content-Length says is `length` bytes; a longer body is cut off with an error. */
function readBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > length) req.destroy(new Error('The request body is longer than its Content-Length.'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
