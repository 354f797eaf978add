/**
 * Starting and stopping the server: load (or take) the knowledge graph, build the graph
 * index once, start Apollo, then listen. Used by server/main.ts and by the tests, which
 * start it on 127.0.0.1 port 0.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { KnowledgeGraph } from '../data/model';
import { loadGraphData } from '../data/load-graph-data';
import { buildGraphIndex } from '../graph/indexes';
import { prepareOverview } from '../graph/overview';
import { createApolloServer, createApp } from './app';
import { isProduction } from './environment';
import { HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS } from './time-limit';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface StartServerOptions {
  /** 0 picks a free port; default 4000. */
  port?: number;
  /** Default 127.0.0.1 (this machine only); 0.0.0.0 listens on every interface. */
  host?: string;
  /** The graph to serve; default: loadGraphData() from graph-data/. */
  knowledgeGraph?: KnowledgeGraph;
  /** The built client; default client/dist. */
  staticDir?: string;
  /** Default: isProduction(), true unless NODE_ENV=development. */
  production?: boolean;
  /** Origins allowed to call /graphql from elsewhere; default none (the built client is same-origin). */
  corsOrigins?: readonly string[];
  /** Longest a GraphQL request may run; default REQUEST_TIME_LIMIT_MS. */
  timeLimitMs?: number;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4000; the API is at `${url}/graphql`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const knowledgeGraph = options.knowledgeGraph ?? (await loadGraphData());
  const index = buildGraphIndex(knowledgeGraph);
  prepareOverview(index);
  const production = options.production ?? isProduction();

  const httpServer = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: HTTP_REQUEST_TIMEOUT_MS });
  const apollo = createApolloServer({
    typeDefs: await readFile(SCHEMA_FILE, 'utf8'),
    httpServer,
    production,
    timeLimitMs: options.timeLimitMs,
  });
  await apollo.start();
  const app = createApp({
    apollo,
    index,
    staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
    corsOrigins: options.corsOrigins ?? [],
  });
  httpServer.on('request', app);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    // Apollo's drain plugin closes the HTTP server, letting in-flight requests finish.
    close: () => apollo.stop(),
  };
}
