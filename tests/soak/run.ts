/**
 * `npm run soak`: the explorer's own requests for SOAK_SECONDS (default 60) over
 * SOAK_CONNECTIONS (default 50) keep-alive connections, against a server of its own on
 * 127.0.0.1 (PORT, default any free port), with the server's memory sampled every 5 s. It
 * prints throughput, latencies, errors and the memory samples, and exits 1 on any error or
 * when memory at the end is over 1.5× memory after warm-up.
 */
import { realisticRequests } from '../hostile/realistic';
import type { HostileRequest } from '../hostile/requests';
import { percentile, sendRequests } from '../hostile/send';
import { loadavg } from 'node:os';

import { startServerProcess } from '../support/server-process';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const SAMPLE_EVERY_MS = 5_000;
const MB = 1024 * 1024;

function* until<T>(deadline: number, next: () => T): Generator<T> {
  while (performance.now() < deadline) yield next();
}

const server = await startServerProcess(process.env.PORT ? { PORT: process.env.PORT } : {});
let ok = false;
try {
  console.log(`Server at ${server.url}, pid ${server.child.pid}: ${SECONDS} s over ${CONNECTIONS} connections`);
  const next: () => HostileRequest = await realisticRequests(server.url, 1);
  await sendRequests(server.url, until(performance.now() + 5_000, next), { concurrency: CONNECTIONS });
  const warmRss = await server.rss();
  console.log(`warm-up (5 s): server RSS ${(warmRss / MB).toFixed(0)} MB`);

  const samples: { second: number; rss: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(async () => {
    const rss = await server.rss();
    const second = Math.round((performance.now() - started) / 1000);
    samples.push({ second, rss });
    console.log(`  ${String(second).padStart(3)} s: server RSS ${(rss / MB).toFixed(0)} MB`);
  }, SAMPLE_EVERY_MS);
  const report = await sendRequests(server.url, until(started + SECONDS * 1000, next), { concurrency: CONNECTIONS });
  clearInterval(sampler);

  const seconds = report.durationMs / 1000;
  const errors =
    report.problems.length +
    Object.entries(report.byStatus)
      .filter(([status]) => status !== '200')
      .reduce((sum, [, n]) => sum + n, 0);
  const endRss = await server.rss();
  const highest = Math.max(endRss, ...samples.map((sample) => sample.rss));
  console.log(`\n== ${report.sent} requests in ${seconds.toFixed(1)} s: ${(report.sent / seconds).toFixed(0)} req/s`);
  console.log(
    `   latency p50 ${percentile(report.latencies, 50).toFixed(1)} ms, p99 ${percentile(report.latencies, 99).toFixed(1)} ms, max ${percentile(report.latencies, 100).toFixed(1)} ms`,
  );
  console.log(`   by status: ${JSON.stringify(report.byStatus)}; error codes: ${JSON.stringify(report.byCode)}`);
  for (const problem of report.problems.slice(0, 10)) console.log(`   problem: ${problem.kind}: ${problem.problem}`);
  console.log(
    `   server RSS: after warm-up ${(warmRss / MB).toFixed(0)} MB, highest ${(highest / MB).toFixed(0)} MB, at the end ${(endRss / MB).toFixed(0)} MB (${(endRss / warmRss).toFixed(2)}× warm-up)`,
  );
  ok = errors === 0 && Object.keys(report.byCode).length === 0 && endRss <= 1.5 * warmRss;
  console.log(`   errors: ${errors}; ${ok ? 'memory flat, no errors' : 'NOT KEPT: errors, or memory grew past 1.5×'}`);
} finally {
  const code = await server.stop();
  console.log(`   server stopped with SIGTERM, exit code ${code}`);
  ok &&= code === 0;
}
// Latencies on a shared machine say as much about the machine as about the server.
console.log(
  `   load average at the end: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')}`,
);
process.exit(ok ? 0 : 1);
