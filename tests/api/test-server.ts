/**
 * A real server on 127.0.0.1 (port 0: any free port) over the shipped graph-data, and a
 * small client that POSTs GraphQL to it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer, type RunningServer, type StartServerOptions } from '../../server/api/server';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { type GraphIndex, buildGraphIndex } from '../../server/graph/indexes';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; argument?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: GraphQLErrorBody[];
}

export interface TestServer {
  server: RunningServer;
  graphqlUrl: string;
  /** The same graph the server serves, indexed for the tests' own reckoning. */
  index: GraphIndex;
  knowledgeGraph: KnowledgeGraph;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** POSTs a raw body, for requests that are not well-formed GraphQL. */
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

let loaded: Promise<KnowledgeGraph> | undefined;

/** An empty folder: a client that was never built. */
export function emptyStaticDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'kg-no-client-'));
}

export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const knowledgeGraph = await (loaded ??= loadGraphData());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    knowledgeGraph,
    staticDir: options.staticDir ?? (await emptyStaticDir()),
    ...options,
  });
  const graphqlUrl = `${server.url}/graphql`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    server,
    graphqlUrl,
    index: buildGraphIndex(knowledgeGraph),
    knowledgeGraph,
    post,
    async query(query, variables) {
      const response = await post(JSON.stringify({ query, variables }));
      const body = (await response.json()) as { data?: never; errors?: GraphQLErrorBody[] };
      return { status: response.status, data: body.data ?? undefined, errors: body.errors };
    },
    close: () => server.close(),
  };
}
