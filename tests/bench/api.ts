/**
 * Benchmark: the API against a raw Node http server sending the same bytes
 * =========================================================================
 *
 * `npm run bench:api`. The servers run in a child process (api-servers.ts); this process
 * drives them with autocannon, 10 connections, in alternating rounds (raw, ours, ours, raw …)
 * so that both meet the same machine conditions. For each scenario it prints requests per
 * second, p50/p99 latency and the ratio ours/raw. Bounded: BENCH_ROUNDS rounds of
 * BENCH_SECONDS seconds per server and scenario, every request timing out after 10 s, all on
 * 127.0.0.1. Nothing here asserts on timings.
 *
 * "Distinct" scenarios send a different entity on each request, cycling through the list; with
 * the response cache off they measure the computed answer, with it on the cache's own speed.
 *
 * Options (environment): BENCH_ROUNDS (3), BENCH_SECONDS (3), BENCH_CONNECTIONS (10), BENCH_ONLY
 * (only scenarios whose name contains it), BENCH_GRAPHS (`seed,synthetic`: the graphs whose
 * servers are started, each in its own process, one after the other), BENCH_ENTITIES /
 * BENCH_RELATIONS / BENCH_SOURCES (the graph `npm run data:synth`'s generator writes for the
 * run, 20 000 / 100 000 / 4 000), BENCH_PORT (first of the ports to use; default any free ones).
 */
import { fork } from 'node:child_process';

import autocannon from 'autocannon';

import { BENCH_GRAPHS, type BenchGraph, type Scenario, type ServersReady } from './api-plan';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Only the scenarios whose name contains this text. */
const ONLY = process.env.BENCH_ONLY ?? '';
const GRAPHS = (process.env.BENCH_GRAPHS ?? BENCH_GRAPHS.join(',')).split(',').filter(Boolean);

interface Measure {
  requests: number;
  seconds: number;
  p50: number[];
  p99: number[];
  failures: number;
}

const emptyMeasure = (): Measure => ({ requests: 0, seconds: 0, p50: [], p99: [], failures: 0 });

async function load(port: number, bodies: string[], seconds: number, into?: Measure): Promise<void> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  if (!into) return;
  into.requests += result.requests.total;
  into.seconds += result.duration;
  into.p50.push(result.latency.p50);
  into.p99.push(result.latency.p99);
  into.failures += result.non2xx + result.errors + result.timeouts;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const graph of GRAPHS) {
    if (!BENCH_GRAPHS.includes(graph as BenchGraph))
      throw new Error(`BENCH_GRAPHS: ${graph} is not one of ${BENCH_GRAPHS.join(', ')}.`);
    console.log(`Starting the servers over the ${graph} graph …`);
    // NODE_ENV as `npm start` sets it (server/start.js), which libraries read when they load.
    const child = fork(new URL('./api-servers.ts', import.meta.url), [graph], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    const ready = await new Promise<ServersReady>((resolve, reject) => {
      child.once('message', (message) => resolve(message as ServersReady));
      child.once('exit', (code) => reject(new Error(`The benchmark servers exited (${code}) before they were ready.`)));
    });
    try {
      const scenarios = ready.scenarios.filter((scenario) => scenario.name.includes(ONLY));
      for (const scenario of scenarios) rows.push(await measure(scenario, ready.rawPort));
    } finally {
      child.disconnect();
    }
  }

  const header = [
    'scenario',
    'answer',
    'ours req/s',
    'raw req/s',
    'ratio',
    'ours p50/p99 ms',
    'raw p50/p99 ms',
    'goal',
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s per server and scenario\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function measure(scenario: Scenario, rawPort: number): Promise<string[]> {
  process.stdout.write(`${scenario.name} `);
  const ours = emptyMeasure();
  const raw = emptyMeasure();
  // Warm up both (JIT, caches) before measuring.
  await load(scenario.port, scenario.bodies, 1);
  await load(rawPort, scenario.bodies, 1);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [raw, ours] : [ours, raw];
    for (const into of order) await load(into === ours ? scenario.port : rawPort, scenario.bodies, SECONDS, into);
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  if (ours.failures || raw.failures) {
    throw new Error(`${scenario.name}: ${ours.failures} failed requests to ours, ${raw.failures} to raw.`);
  }
  const rate = (m: Measure) => m.requests / m.seconds;
  const latency = (m: Measure) => `${median(m.p50).toFixed(2)} / ${median(m.p99).toFixed(2)}`;
  return [
    scenario.name,
    `${(scenario.answerBytes / 1024).toFixed(1)} kB`,
    rate(ours).toFixed(0),
    rate(raw).toFixed(0),
    `${(rate(ours) / rate(raw)).toFixed(3)}×`,
    latency(ours),
    latency(raw),
    scenario.goal,
  ];
}

await main();
