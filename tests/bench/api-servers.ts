/**
 * The servers `npm run bench:api` measures, in a process of their own (forked by api.ts), so
 * that the load generator does not share their event loop: the project's server over one
 * graph (named by the first argument: `seed` or `synthetic`), and a raw Node http server that
 * answers every benchmark request with the very bytes (status, headers, body) the project's
 * server sent for it, found in a Map by request body.
 *
 * One process per graph: a server holds only its own graph, as in production. With both
 * graphs in one process the seed's servers (and the raw server beside them) ran on a 370 MB
 * heap, and its collections doubled their p99 latency and halved the raw server's rate.
 */
// The heap policy of server/main.ts, which these servers are started without.
import '../../server/heap-growth';

import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startServer } from '../../server/api/server';
import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { generatedGraph } from '../support/generated-graph';
import { BENCH_GRAPHS, type BenchGraph, type Scenario, type ServersReady } from './api-plan';

const SYNTHETIC_ENTITIES = Number(process.env.BENCH_ENTITIES ?? 20_000);
const SYNTHETIC_RELATIONS = Number(process.env.BENCH_RELATIONS ?? 100_000);
const SYNTHETIC_SOURCES = Number(process.env.BENCH_SOURCES ?? 4_000);
const DISTINCT_BODIES = 2_000;
const BASE_PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : 0;
let nextPort = BASE_PORT;
const port = () => (BASE_PORT ? nextPort++ : 0);

/** An entity with its relations and their ends: about 1 kB on the seed graph. */
const ENTITY_QUERY = `query Entity($id: ID!) {
  entity(id: $id) { id name type degree relations { totalCount edges { node { id label corroboration subject { id name } object { id name } } } } }
}`;
/** The largest hub with every quote of every relation: tens of kB. */
const HUB_QUERY = `query Hub($id: ID!) {
  entity(id: $id) { id name relations(first: 100) { totalCount edges { node { id label subject { name } object { name } citations { quote start end source { title } } } } } }
}`;

const body = (query: string, id: string) => JSON.stringify({ query, variables: { id } });

/** A seeded choice of `count` entity ids, the same on every run. */
function someEntities(ids: readonly string[], count: number): string[] {
  if (ids.length <= count) return [...ids];
  const step = Math.floor(ids.length / count);
  return Array.from({ length: count }, (_, i) => ids[(i * step + (i % step)) % ids.length]!);
}

function hub(knowledgeGraph: KnowledgeGraph): string {
  return knowledgeGraph.graph
    .nodes()
    .reduce((best, id) => (knowledgeGraph.graph.degree(id) > knowledgeGraph.graph.degree(best) ? id : best));
}

const answers = new Map<string, { status: number; headers: [string, string][]; body: Buffer }>();

/** Asks the project's server once for each body, and keeps the answer for the raw server. */
async function record(serverPort: number, bodies: string[]): Promise<number> {
  let total = 0;
  for (const requestBody of bodies) {
    const response = await fetch(`http://127.0.0.1:${serverPort}/graphql`, {
      method: 'POST',
      // As autocannon asks (no encoding): fetch would otherwise ask for gzip and hand back the
      // bytes decoded, which the raw server would then send under a gzip header.
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: requestBody,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = JSON.parse(bytes.toString('utf8')) as { errors?: unknown[] };
    if (response.status !== 200 || json.errors)
      throw new Error(`The benchmark query failed: ${bytes.toString('utf8')}`);
    const headers = [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
    answers.set(requestBody, { status: response.status, headers: headers as [string, string][], body: bytes });
    total += bytes.length;
  }
  return Math.round(total / bodies.length);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The project's servers over the seed graph, and the scenarios they answer. */
async function seedServers(): Promise<Omit<Scenario, 'answerBytes'>[]> {
  const seed = await loadGraphData();
  const cached = await serve(seed);
  const uncached = await serve(seed, 0);
  const ids = seed.graph.nodes().sort();
  const seedHub = hub(seed);
  return [
    {
      name: 'seed: one entity query, repeated',
      goal: '≥ 0.5×, p99 < 5 ms',
      port: cached.port,
      bodies: [body(ENTITY_QUERY, seedHub === 'isis-k' ? 'taliban' : ids[0]!)],
    },
    { name: 'seed: hub with quotes, repeated', goal: '', port: cached.port, bodies: [body(HUB_QUERY, seedHub)] },
    {
      name: `seed: distinct entities (${ids.length}), cache off`,
      goal: '≥ 0.15×, p99 < 5 ms',
      port: uncached.port,
      bodies: ids.map((id) => body(ENTITY_QUERY, id)),
    },
    {
      name: `seed: distinct entities (${ids.length}), cache on`,
      goal: '',
      port: cached.port,
      bodies: ids.map((id) => body(ENTITY_QUERY, id)),
    },
  ];
}

/** The project's servers over a graph of 10^5 relations from `npm run data:synth`'s generator, and their scenarios. */
async function syntheticServers(): Promise<Omit<Scenario, 'answerBytes'>[]> {
  const synthetic = await generatedGraph({
    entities: SYNTHETIC_ENTITIES,
    relations: SYNTHETIC_RELATIONS,
    sources: SYNTHETIC_SOURCES,
    seed: 1,
  });
  const uncached = await serve(synthetic, 0);
  const cached = await serve(synthetic);
  const ids = someEntities(synthetic.graph.nodes(), DISTINCT_BODIES);
  return [
    {
      name: `10^5 relations: distinct entities (${ids.length}), cache off`,
      goal: 'p99 < 20 ms',
      port: uncached.port,
      bodies: ids.map((id) => body(ENTITY_QUERY, id)),
    },
    {
      name: `10^5 relations: distinct entities (${ids.length}), cache on`,
      goal: '',
      port: cached.port,
      bodies: ids.map((id) => body(ENTITY_QUERY, id)),
    },
  ];
}

const serve = (knowledgeGraph: KnowledgeGraph, responseCacheBytes?: number) =>
  startServer({ port: port(), host: '127.0.0.1', knowledgeGraph, production: true, responseCacheBytes });

async function main(graph: string | undefined): Promise<void> {
  if (!BENCH_GRAPHS.includes(graph as BenchGraph))
    throw new Error(`api-servers.ts: the first argument must be one of ${BENCH_GRAPHS.join(', ')}, not ${graph}.`);
  const plan = graph === 'seed' ? await seedServers() : await syntheticServers();

  const raw = createServer((req, res) => {
    readBody(req).then((requestBody) => {
      const answer = answers.get(requestBody);
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(answer.status, answer.headers.flat());
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => raw.listen(port(), '127.0.0.1', resolve));

  const scenarios: Scenario[] = [];
  for (const scenario of plan)
    scenarios.push({ ...scenario, answerBytes: await record(scenario.port, scenario.bodies) });

  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`Servers over the ${graph} graph ready; heap ${heap.toFixed(0)} MB.`);
  const ready: ServersReady = { rawPort: (raw.address() as AddressInfo).port, scenarios };
  process.send!(ready);
  process.once('disconnect', () => process.exit(0));
}

await main(process.argv[2]);
