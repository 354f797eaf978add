/**
 * Starting and stopping the server: load (or take) the knowledge graph, build the graph
 * index once, start Apollo, listen, then build the search indexes (searches await them). Used by server/main.ts and by the tests, which
 * start it on 127.0.0.1 port 0.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSchema } from 'graphql';

import { openCuration, recoverWrites } from '../curation/curation';
import type { KnowledgeGraph } from '../data/model';
import { DEFAULT_GRAPH_DATA_DIR, loadGraphData } from '../data/load-graph-data';
import type { OverviewSize } from '../graph/overview-layout';
import {
  GRAPHQL_PATH,
  INVALID_JSON_MESSAGE,
  JSON_BODY_LIMIT_BYTES,
  apiContext,
  createApolloServer,
  createApp,
} from './app';
import { createCuratorSessions, hasCuratorCredentials } from './curator-session';
import { withSchemaDefaults } from './defaults';
import { isProduction } from './environment';
import { graphqlPostListener, type GraphQLPostOptions } from './graphql-post';
import { explorerPage } from './opening-answers';
import { RESPONSE_CACHE_BYTES, ResponseCache } from './response-cache';
import { ServedGraph, dataVersion } from './served-graph';
import { HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS } from './time-limit';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface StartServerOptions {
  /** 0 picks a free port; default 4000. */
  port?: number;
  /** Default 127.0.0.1 (this machine only); 0.0.0.0 listens on every interface. */
  host?: string;
  /** The graph to serve; default: loadGraphData() from `graphDataDir`. */
  knowledgeGraph?: KnowledgeGraph;
  /** The dataVersion of `knowledgeGraph`, when the caller has it (a snapshot keeps it); else computed. */
  dataVersion?: string;
  /** What `beforeSearchIndexes` was given for `knowledgeGraph` in an earlier run, read back from its snapshot. */
  derived?: unknown;
  /** The graph-data folder; default graph-data/. Curation writes here. */
  graphDataDir?: string;
  /**
   * The curator token: when given, curators who sign in with it may change the graph in
   * `graphDataDir`. A caller that hands in `knowledgeGraph` as well must have loaded it from
   * that folder after recoverWrites(); otherwise the server does both. Without a token the
   * API is read-only.
   */
  curatorToken?: string | null;
  /** The built client; default client/dist. */
  staticDir?: string;
  /** Default: isProduction(), true unless NODE_ENV=development. */
  production?: boolean;
  /** Origins allowed to call /graphql from elsewhere; default none (the built client is same-origin). */
  corsOrigins?: readonly string[];
  /** Bound of the response cache in bytes; 0 turns it off (benchmarks of the uncached path). */
  responseCacheBytes?: number;
  /** Longest a GraphQL request may run; default REQUEST_TIME_LIMIT_MS. */
  timeLimitMs?: number;
  /**
   * Work for once the server answers, before the search indexes are built (main.ts writes the
   * snapshot of a full load here: off the start-up's path, and before the indexes add to memory).
   * `derived`: what the server derived from the graph and can take back as `derived` on a restart.
   */
  beforeSearchIndexes?: (derived: unknown) => Promise<unknown>;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4000; the API is at `${url}/graphql`. */
  url: string;
  port: number;
  /** The data version being served (a hash of the graph). */
  readonly dataVersion: string;
  /**
   * Serves another graph from the next request on; no answer made from the old one is sent
   * again. Settles when the explorer page's opening answers for the new graph are made.
   */
  replaceGraph(knowledgeGraph: KnowledgeGraph): Promise<void>;
  /** Settles when the search indexes, built once the server listens, are built. */
  readonly searchIndexesBuilt: Promise<void>;
  /** Settles when the overviews the explorer asks first, laid out once the server listens, are laid out. */
  readonly layoutsPrepared: Promise<void>;
  /**
   * Settles when the explorer page's opening answers, made once the layouts are, are made
   * (opening-answers.ts): after the start, or after the latest graph swapped in.
   */
  readonly openingAnswersPrepared: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const dir = options.graphDataDir ?? DEFAULT_GRAPH_DATA_DIR;
  const curating = !!options.curatorToken;
  if (curating && !options.knowledgeGraph) await recoverWrites(dir);
  const knowledgeGraph = options.knowledgeGraph ?? (await loadGraphData(dir));
  const servedGraph = options.knowledgeGraph
    ? new ServedGraph(knowledgeGraph, options.dataVersion, options.derived)
    : new ServedGraph(knowledgeGraph);
  // A graph swapped in (a curator's change) has the page's answers made for it, as a start does;
  // only ever called once the server is up, when the page and the first answers exist.
  const swapGraph = (next: KnowledgeGraph): Promise<void> => {
    openingAnswersPrepared = servedGraph.replace(next).then(() => page?.prepare());
    return openingAnswersPrepared;
  };
  const curation = curating
    ? await openCuration(dir, knowledgeGraph, dataVersion, ({ graph }) => void swapGraph(graph))
    : null;
  const sessions = createCuratorSessions(options.curatorToken ?? null);
  const production = options.production ?? isProduction();

  const httpServer = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: HTTP_REQUEST_TIMEOUT_MS });
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const corsOrigins = options.corsOrigins ?? [];
  const typeDefs = await readFile(SCHEMA_FILE, 'utf8');
  const apollo = createApolloServer({
    typeDefs,
    httpServer,
    production,
    staticDir,
    timeLimitMs: options.timeLimitMs,
  });
  await apollo.start();
  const cache = new ResponseCache(() => servedGraph.version, options.responseCacheBytes ?? RESPONSE_CACHE_BYTES);
  const postOptions: GraphQLPostOptions = {
    apollo,
    servedGraph,
    cache,
    path: GRAPHQL_PATH,
    bodyLimitBytes: JSON_BODY_LIMIT_BYTES,
    invalidJsonMessage: INVALID_JSON_MESSAGE,
    corsOrigins,
    context: (req) => apiContext(servedGraph, sessions, curation, req),
    personal: hasCuratorCredentials,
  };
  const page = explorerPage(path.join(staticDir, 'index.html'), postOptions);
  const app = createApp({
    apollo,
    servedGraph,
    sessions,
    curation,
    staticDir,
    corsOrigins,
    explorerPage: page,
  });
  const graphqlPost = graphqlPostListener(postOptions, app);
  httpServer.on('request', graphqlPost);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  // Only now: the server answers while they are built, and a search awaits them.
  const searchIndexesBuilt = Promise.resolve(options.beforeSearchIndexes?.(servedGraph.derived()))
    .then(() => servedGraph.buildDeferredIndexes())
    .catch((error: unknown) => console.error('Building the search indexes failed:', error));
  // The explorer's first picture awaits its overview's layout: begun now, at the schema's default size.
  const overviewField = buildSchema(typeDefs).getQueryType()!.getFields().overview!;
  const layoutsPrepared = servedGraph
    .prepareLayouts(withSchemaDefaults(overviewField, {}) as OverviewSize)
    .catch((error: unknown) => console.error('Laying out the overview failed:', error));
  // Then the page's answers, so that the first visitor after a start gets a page that carries
  // them (swapGraph makes them again after a swap).
  let openingAnswersPrepared = layoutsPrepared.then(() => page?.prepare());
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    get dataVersion() {
      return servedGraph.version;
    },
    replaceGraph: (next) => swapGraph(next),
    searchIndexesBuilt,
    layoutsPrepared,
    get openingAnswersPrepared() {
      return openingAnswersPrepared;
    },
    // Apollo's drain plugin closes the HTTP server, letting in-flight requests finish.
    close: async () => {
      // The page's answers first: one begun after Apollo stopped would fail, and log so.
      await page?.close();
      await apollo.stop();
    },
  };
}
