/**
 * The HTTP application
 * ====================
 *
 * One Express app serves three things on one port:
 *   - `/graphql`: Apollo Server through its Express integration, with explicit CORS and a
 *     100 kB JSON body limit (JSON POSTs, nearly all requests, take the shorter way of
 *     graphql-post.ts first); GraphiQL for browsers outside production (api-explorer.ts);
 *   - `GET /healthz`: liveness and the size of the loaded graph;
 *   - `/curator/…`: curator sign-in and the article upload (curator-session.ts);
 *   - everything else: the built client (client/dist), with index.html for client routes such
 *     as /source/x so that a reload finds the page.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import path from 'node:path';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

import { apiExplorerPlugin } from './api-explorer';
import { chosenEncoding, CompressedCopies, COMPRESSION_THRESHOLD_BYTES } from './compressed-answers';
import type { Curation } from '../curation/curation';
import type { ApiContext } from './context';
import { CURATOR_PATH, type CuratorSessions } from './curator-session';
import { ERROR_CODES, httpErrorBody } from './errors';
import { resolvers } from './resolvers';
import { protection } from './limits';
import { requestBounds } from './request-bounds';
import { compiledExecutionPlugin } from './compiled-execution';
import { completeAnswerPlugin } from './response-cache';
import type { ServedGraph } from './served-graph';

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/healthz';
/** Largest JSON body accepted: an honest query is a few kB. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
export const JSON_BODY_LIMIT = `${JSON_BODY_LIMIT_BYTES / 1024}kb`;
export const INVALID_JSON_MESSAGE = 'The request body is not valid JSON: send {"query": "…", "variables": {…}}.';

export interface ApiServerOptions {
  typeDefs: string;
  httpServer: Server;
  /** Production hides the API explorer, stack traces and field suggestions. */
  production: boolean;
  /** The built client, where the API explorer page is. */
  staticDir: string;
  /** Longest a GraphQL request may run; default REQUEST_TIME_LIMIT_MS (time-limit.ts). */
  timeLimitMs?: number;
}

/** The Apollo server with every limit and the landing page fitting the environment; not started. */
export function createApolloServer({
  typeDefs,
  httpServer,
  production,
  staticDir,
  timeLimitMs,
}: ApiServerOptions): ApolloServer<ApiContext> {
  const limits = protection({ production, timeLimitMs });
  return new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    introspection: true,
    csrfPrevention: true,
    // server/main.ts stops the whole server (HTTP and Apollo) on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    documentStore: limits.documentStore,
    persistedQueries: limits.persistedQueries,
    formatError: limits.formatError,
    plugins: [
      ...limits.plugins,
      completeAnswerPlugin(),
      compiledExecutionPlugin(typeDefs, resolvers),
      // Cache-control hints serve HTTP caches and Apollo's response-cache plugin; our own
      // response cache (response-cache.ts) needs none, and computing them costs every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production ? ApolloServerPluginLandingPageDisabled() : apiExplorerPlugin(staticDir),
    ],
  });
}

export interface AppOptions {
  apollo: ApolloServer<ApiContext>;
  /** The graph each request reads (it may be swapped while the server runs). */
  servedGraph: ServedGraph;
  /** Curator sign-in; curation is off when it was made without a token. */
  sessions: CuratorSessions;
  /** The write path, present only in curator mode. */
  curation: Curation | null;
  /** Folder of the built client; when it has no index.html, pages explain how to build it. */
  staticDir: string;
  /** Origins allowed to call the API from another origin; the built client needs none. */
  corsOrigins: readonly string[];
  /** The explorer page to send for a request (opening-answers.ts); the built index.html as is without it. */
  explorerPage?: (req: IncomingMessage) => string;
}

/** The Express app; `apollo` must already be started. */
export function createApp({
  apollo,
  servedGraph,
  sessions,
  curation,
  staticDir,
  corsOrigins,
  explorerPage,
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // JSON, HTML and scripts compress several times over; the explorer's page and the GraphQL
  // fast path's cached answers are compressed once and kept instead (compressed-answers.ts),
  // and the built assets at build time.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));

  app.get(HEALTH_PATH, (_req, res) => {
    const { index } = servedGraph;
    res.json({ status: 'ok', entities: index.entityIds.length, relations: index.relationIds.length });
  });

  app.use(
    CURATOR_PATH,
    sessions.router(() => curation),
  );

  app.use(
    GRAPHQL_PATH,
    cors<cors.CorsRequest>({
      origin: [...corsOrigins],
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
      maxAge: 600,
    }),
    express.json({ limit: JSON_BODY_LIMIT }),
    requestBounds,
    // Apollo answers a body that is not JSON (wrong content type, CSRF attempt) with a 400,
    // but the Express integration answers 500 when no parser set `req.body`: give it one.
    (req, _res, next) => {
      if (!Object.hasOwn(req, 'body')) req.body = undefined;
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => apiContext(servedGraph, sessions, curation, req) }),
  );
  app.use(GRAPHQL_PATH, bodyErrorHandler);

  const indexHtml = path.join(staticDir, 'index.html');
  // The page is the same text for every visitor until the data or the build changes.
  const pageCopies = new CompressedCopies<{ html: string; bytes: Buffer }>();
  let lastPage: { html: string; bytes: Buffer } | null = null;
  const sendExplorerPage = (req: express.Request, res: express.Response, html: string) => {
    if (lastPage?.html !== html) lastPage = { html, bytes: Buffer.from(html, 'utf8') };
    const { body, encoding } = pageCopies.encode(lastPage, lastPage.bytes, chosenEncoding(req));
    res.type('html').set({ 'cache-control': 'no-cache', vary: 'Accept-Encoding' });
    if (encoding) res.set('content-encoding', encoding);
    res.send(body);
  };
  if (existsSync(indexHtml)) {
    // Built assets are named by their content's hash (Vite): a returning browser keeps them for
    // good and asks again only for the page, which names the current ones.
    // The build writes brotli and gzip copies beside them (client/vite.config.ts): sent as they are.
    app.use(
      '/assets',
      expressStaticGzip(path.join(staticDir, 'assets'), {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        serveStatic: { index: false, immutable: true, maxAge: '1y' },
      }),
    );
    app.use(express.static(staticDir, { index: false }));
    app.get('/{*path}', (req, res) => {
      // A missing asset is a 404, not the app page: only extension-less paths are client routes.
      if (path.extname(req.path)) res.status(404).type('text/plain').send(`Not found: ${req.path}`);
      else if (explorerPage) sendExplorerPage(req, res, explorerPage(req));
      else res.sendFile(indexHtml);
    });
  } else {
    app.get('/{*path}', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send(
          // Relative: an answer must not show where the server is installed.
          `The explorer's client is not built (no ${path.relative(process.cwd(), indexHtml)}).\n` +
            'Run `npm run build`, then restart the server; `npm start` does both.\n' +
            `The API is served at ${GRAPHQL_PATH} meanwhile.\n`,
        );
    });
  }
  app.use(lastErrorHandler);
  return app;
}

/**
 * Anything else that fails. A request error Express already classed as 4xx (such as a path
 * with broken percent-encoding) is answered as the client's mistake; the rest is a 500 that
 * tells nothing about the inside, and a log line.
 */
const lastErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === 'number' ? error.status : 500;
  if (status >= 400 && status < 500) {
    res.status(status).type('text/plain').send(`Bad request: ${req.path} cannot be read (${error.message}).`);
    return;
  }
  console.error(error);
  res.status(500).json(httpErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
};

/**
 * Errors before GraphQL runs (malformed JSON, a body over the limit) answered as GraphQL
 * errors, so a client reads every failure the same way.
 */
const bodyErrorHandler: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') {
    res.status(400).json(httpErrorBody(INVALID_JSON_MESSAGE, ERROR_CODES.badRequest));
  } else if (error.type === 'entity.too.large') {
    res
      .status(413)
      .json(httpErrorBody(`The request body is over the limit of ${JSON_BODY_LIMIT}.`, ERROR_CODES.payloadTooLarge));
  } else if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(httpErrorBody('The request body could not be read.', ERROR_CODES.badRequest));
  } else {
    next(error);
  }
};

/**
 * A request's context: the graph served when it began (a change swapped in meanwhile is seen
 * by the next request), its data version, and who is asking (for the mutations).
 */
export function apiContext(
  servedGraph: ServedGraph,
  sessions: CuratorSessions,
  curation: Curation | null,
  req: Pick<IncomingMessage, 'headers'>,
): ApiContext {
  return { index: servedGraph.index, dataVersion: servedGraph.version, curator: sessions.accessOf(req), curation };
}
