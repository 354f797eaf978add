/**
 * `npm run fuzz`: hostile traffic against a server of its own, with figures.
 *
 * Starts `server/main.ts` on 127.0.0.1 (PORT, default any free port), warms it up with the
 * explorer's requests, then sends FUZZ_COUNT (default 10 000) generated hostile requests and
 * FUZZ_PADDED (default 100 000) distinct padded documents, and FUZZ_SEQUENTIAL (default 2 000)
 * hostile requests one at a time while probing /healthz, times the
 * refusal of 100 kB of search text, and stops the server with SIGTERM. It prints the answers
 * by status and code, every kind of problem, latencies and the server's memory, and exits 1
 * when a promise of issue 10's "Done when" is not kept.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

import { hostileRequests, paddedDocuments, type HostileRequest } from '../hostile/requests';
import { realisticRequests } from '../hostile/realistic';
import { type SendReport, percentile, probeHealth, sendRequests } from '../hostile/send';
import { startServerProcess } from '../support/server-process';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const PADDED = Number(process.env.FUZZ_PADDED ?? 100_000);
const SEQUENTIAL = Number(process.env.FUZZ_SEQUENTIAL ?? 2_000);
const CONCURRENCY = 20;
const MB = 1024 * 1024;

function* take<T>(count: number, next: () => T): Generator<T> {
  for (let i = 0; i < count; i++) yield next();
}

function printReport(title: string, report: SendReport): void {
  const seconds = report.durationMs / 1000;
  console.log(
    `\n== ${title}: ${report.sent} requests in ${seconds.toFixed(1)} s (${(report.sent / seconds).toFixed(0)} req/s)`,
  );
  console.log(
    `   latency p50 ${percentile(report.latencies, 50).toFixed(1)} ms, p99 ${percentile(report.latencies, 99).toFixed(1)} ms, max ${percentile(report.latencies, 100).toFixed(1)} ms`,
  );
  console.log(`   by status: ${JSON.stringify(report.byStatus)}`);
  console.log(`   by error code: ${JSON.stringify(report.byCode)}`);
  const kinds = new Map<string, { count: number; example: string }>();
  for (const problem of report.problems) {
    const key = `${problem.kind}: ${problem.problem}`;
    const seen = kinds.get(key);
    if (seen) seen.count++;
    else kinds.set(key, { count: 1, example: problem.request });
  }
  for (const { kind, ms, request } of report.slowest) {
    console.log(`   slow: ${ms.toFixed(0)} ms ${kind}: ${request.slice(0, 120)}`);
  }
  console.log(`   problems: ${report.problems.length}`);
  for (const [key, { count, example }] of kinds) console.log(`     ${count} × ${key}\n       e.g. ${example}`);
}

async function timeRefusal(
  url: string,
  request: HostileRequest,
): Promise<{ ms: number; status: number; code: string }> {
  const started = performance.now();
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, status: response.status, code: body.errors?.[0]?.extensions?.code ?? '' };
}

if (!existsSync(new URL('../../client/dist/index.html', import.meta.url))) {
  console.error('Build the client first (`npm run build`): the fuzz run requests pages too.');
  process.exit(2);
}
const server = await startServerProcess(process.env.PORT ? { PORT: process.env.PORT } : {});
const verdicts: [string, boolean][] = [];
try {
  console.log(`Server at ${server.url}, pid ${server.child.pid}; seed ${SEED}`);
  const realistic = await realisticRequests(server.url, SEED);
  printReport(
    "warm-up (the explorer's requests)",
    await sendRequests(server.url, take(3000, realistic), { concurrency: CONCURRENCY }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const warmRss = await server.rss();
  console.log(`   server RSS after warm-up: ${(warmRss / MB).toFixed(0)} MB`);

  const health = probeHealth(server.url);
  const hostile = await sendRequests(server.url, hostileRequests(SEED, COUNT), { concurrency: CONCURRENCY });
  printReport('hostile requests', hostile);
  const hostileRss = await server.rss();
  console.log(
    `   server RSS after them: ${(hostileRss / MB).toFixed(0)} MB (${(hostileRss / warmRss).toFixed(2)}× warm-up)`,
  );

  const concurrentHealth = await health.stop();
  console.log(
    `   /healthz meanwhile (queued behind ${CONCURRENCY} connections): ${concurrentHealth.probes} probes, slowest ${concurrentHealth.maxMs.toFixed(1)} ms, ${concurrentHealth.failures} failed`,
  );

  // One request at a time: /healthz then waits for at most the request in progress, so its
  // slowest answer is the longest any single request held the server.
  const oneAtATime = probeHealth(server.url, 20);
  printReport(
    'hostile requests one at a time',
    await sendRequests(server.url, hostileRequests(SEED + 1, SEQUENTIAL), { concurrency: 1 }),
  );
  const healthFigures = await oneAtATime.stop();
  console.log(
    `   /healthz meanwhile: ${healthFigures.probes} probes, slowest ${healthFigures.maxMs.toFixed(1)} ms, ${healthFigures.failures} failed`,
  );

  let maxPaddedRss = 0;
  let padded: SendReport | undefined;
  const sampler = setInterval(() => server.rss().then((rss) => (maxPaddedRss = Math.max(maxPaddedRss, rss))), 1000);
  try {
    padded = await sendRequests(server.url, paddedDocuments(SEED, PADDED), { concurrency: CONCURRENCY });
  } finally {
    clearInterval(sampler);
  }
  printReport('distinct padded documents', padded);
  const finalRss = await server.rss();
  maxPaddedRss = Math.max(maxPaddedRss, finalRss);
  console.log(
    `   server RSS: highest ${(maxPaddedRss / MB).toFixed(0)} MB, at the end ${(finalRss / MB).toFixed(0)} MB (${(maxPaddedRss / warmRss).toFixed(2)}× warm-up at most)`,
  );

  const searchText = 'islamic state khorasan '.repeat(4400).slice(0, 100_000);
  const refusals = [];
  for (let i = 0; i < 5; i++) {
    refusals.push(
      await timeRefusal(server.url, {
        kind: 'search 100 kB',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: searchText } }),
      }),
    );
  }
  const slowestRefusal = Math.max(...refusals.map((r) => r.ms));
  console.log(
    `== search with 100 kB of text: ${refusals.map((r) => `${r.status} ${r.code} in ${r.ms.toFixed(1)} ms`).join('; ')}`,
  );

  const all = hostile.problems.length + padded.problems.length;
  verdicts.push(
    [
      `no problem in ${hostile.sent + padded.sent} requests (5xx, INTERNAL_SERVER_ERROR, reset, hang, missing code, hint)`,
      all === 0,
    ],
    [`RSS after hostile requests ≤ 1.5× warm-up`, hostileRss <= 1.5 * warmRss],
    [`RSS during padded documents ≤ 1.5× warm-up`, maxPaddedRss <= 1.5 * warmRss],
    [
      `100 kB search text refused in under 50 ms`,
      slowestRefusal < 50 && refusals.every((r) => r.status >= 400 && r.status < 500),
    ],
    [
      `/healthz never slower than 100 ms beside one request`,
      healthFigures.maxMs <= 100 && healthFigures.failures === 0,
    ],
  );
} finally {
  const code = await server.stop();
  verdicts.push(['SIGTERM: the server drains and exits 0', code === 0]);
}
console.log('\n== verdict');
for (const [promise, kept] of verdicts) console.log(`   ${kept ? 'kept  ' : 'BROKEN'} ${promise}`);
// Latencies on a shared machine say as much about the machine as about the server.
console.log(
  `   machine load average at the end: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')}`,
);
process.exit(verdicts.every(([, kept]) => kept) ? 0 : 1);
