/**
 * Benchmark: server start-up on generated graph-data, cold and from the snapshot
 * =============================================================================
 *
 * `npm run bench` (after the query benchmark), or alone: `tsx tests/bench/server-start.ts`.
 * Builds the server as `npm run serve` runs it (esbuild, server/dist/main.js), then for each
 * size writes a synthetic graph-data folder (data:synth's generator) into a temp folder and
 * starts that server twice on 127.0.0.1 with an empty snapshot folder: the first start loads
 * in full and writes the snapshot (cold), the second reads it (snapshot).
 *
 * Ready = the server printed its URL, answered /healthz and answered the explorer's first
 * query (the overview; asked again when the server stops it at its time limit, and the times
 * counted in the notes); RSS = the process's peak resident memory (VmHWM) at that moment. The
 * CPU time until ready is printed too: on a shared machine it says more than the clock. The
 * search indexes are built after ready (server/graph/deferred-index.ts): "searchable" is when
 * the server said they were built, and "peak RSS" its peak resident memory then. The cold
 * start is the baseline of the ratio, measured in the same run on the same data. The load
 * average is printed with each size: the figures mean little on a busy machine.
 *
 * Bounded: each start is killed after BENCH_START_TIMEOUT seconds (default 600) and reported
 * as such. Sizes: BENCH_SERVER_SIZES, relations, comma-separated (default 1000,10000,100000;
 * add 1000000 for the million-relation row, which takes several minutes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.BENCH_SERVER_SIZES ?? '1000,10000,100000').split(',').map(Number);
const TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT ?? 600) * 1000;
const SERVER = 'server/dist/main.js';
/** The explorer's first question. */
const OVERVIEW_QUERY = '{ overview { entities { id } relations { id } } }';

/** Entities and sources for a number of relations, after the shapes measured in issue 9. */
function shapeOf(relations: number) {
  if (relations >= 1_000_000) return { entities: relations / 5, sources: 10_000 };
  if (relations >= 100_000) return { entities: relations / 2, sources: 4_000 };
  if (relations >= 10_000) return { entities: relations / 2, sources: 800 };
  return { entities: Math.max(2, relations / 2), sources: 80 };
}

interface Start {
  readyMs: number | null;
  rssMb: number | null;
  /** CPU time the server used until ready (all its threads): unlike `readyMs`, little changed by a busy machine. */
  cpuS: number | null;
  /** Since the start, when the server said its search indexes were built. */
  searchableMs: number | null;
  peakRssMb: number | null;
  /** What the server said about its load ("loaded in full in 9.8 s"), or why it failed. */
  note: string;
}

/** The process's peak resident memory so far, in MB. */
async function peakRss(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const peak = /VmHWM:\s+(\d+) kB/.exec(status);
  return peak ? Number(peak[1]) / 1024 : null;
}

/** The process's CPU time so far (user and system, all threads), in seconds; Linux's /proc counts in 1/100 s. */
async function cpuSeconds(pid: number | undefined): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces), from field 3: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.length > 13 ? (Number(fields[11]) + Number(fields[12])) / 100 : null;
}

/** Starts the server, waits until it answers, then until its search indexes are built, and stops it. */
async function timeStart(dataDir: string, snapshotDir: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GRAPH_DATA_DIR: dataDir,
      GRAPH_DATA_SNAPSHOT_DIR: snapshotDir,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = started + TIMEOUT_MS;
  /** The first match of `pattern` in the output, or null once the server exits or the time is up. */
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), Math.max(0, deadline - performance.now()));
      const look = () => {
        const match = pattern.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
      };
      look();
      child.stdout.on('data', look);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  const failed = (): Start => {
    const reason = child.exitCode === null ? `no answer in ${TIMEOUT_MS / 1000} s` : `exited ${child.exitCode}`;
    const last = output.trim().split('\n').slice(-1)[0] ?? '';
    return { readyMs: null, rssMb: null, cpuS: null, searchableMs: null, peakRssMb: null, note: `${reason}: ${last}` };
  };
  try {
    const url = (await waitFor(/explorer at (http:\/\/127\.0\.0\.1:\d+)\//))?.[1];
    if (!url) return failed();
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) return { ...failed(), note: `/healthz answered ${health.status}` };
    // A request the server stops at its time limit (a busy start) is asked again, and counted.
    let timedOut = 0;
    for (;;) {
      const overview = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: OVERVIEW_QUERY }),
      });
      const body = (await overview.json()) as {
        data?: { overview?: { entities: unknown[] } };
        errors?: { extensions?: { code?: string } }[];
      };
      if (overview.ok && body.data?.overview?.entities.length) break;
      const why = `the overview query answered ${overview.status}: ${JSON.stringify(body.errors)}`;
      if (body.errors?.[0]?.extensions?.code !== 'REQUEST_TIMEOUT' || performance.now() > deadline) {
        return { ...failed(), note: why };
      }
      timedOut++;
    }
    const readyMs = performance.now() - started;
    const rssMb = await peakRss(child.pid);
    const cpuS = await cpuSeconds(child.pid);
    const searchable = await waitFor(/Search indexes built/);
    const searchableMs = searchable ? performance.now() - started : null;
    const loaded = /graph-data loaded [^\n]*/.exec(output)?.[0] ?? '';
    const note = timedOut > 0 ? `${loaded} (the overview stopped at the time limit ${timedOut} time(s) first)` : loaded;
    return { readyMs, rssMb, cpuS, searchableMs, peakRssMb: await peakRss(child.pid), note };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const seconds = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1));
const cpu = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const megabytes = (mb: number | null) => (mb === null ? '–' : String(Math.round(mb)));

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  console.log('\nServer start-up: ready time and peak RSS, cold (full load) and from the snapshot\n');
  const build = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:server failed');
  const rows: string[][] = [];
  for (const relations of SIZES) {
    const { entities, sources } = shapeOf(relations);
    const work = await mkdtemp(join(tmpdir(), 'bench-start-'));
    try {
      const dataDir = join(work, 'graph-data');
      const generated = performance.now();
      await writeSyntheticGraphData(dataDir, { entities, relations, sources, seed: 9 });
      console.log(
        `  ${relations} relations: generated in ${seconds(performance.now() - generated)} s; starting the server ` +
          `(load average ${load()}) …`,
      );
      const cold = await timeStart(dataDir, join(work, 'snapshots'));
      const warm = await timeStart(dataDir, join(work, 'snapshots'));
      console.log(`    cold: ${cold.note}; snapshot: ${warm.note}; load average ${load()}`);
      const ratio =
        cold.readyMs !== null && warm.readyMs !== null ? `${(cold.readyMs / warm.readyMs).toFixed(1)}×` : '–';
      rows.push([
        `${entities} / ${relations} / ${sources}`,
        seconds(cold.readyMs),
        megabytes(cold.rssMb),
        seconds(warm.readyMs),
        megabytes(warm.rssMb),
        ratio,
        `${cpu(cold.cpuS)} / ${cpu(warm.cpuS)}`,
        `${seconds(cold.searchableMs)} / ${seconds(warm.searchableMs)}`,
        `${megabytes(cold.peakRssMb)} / ${megabytes(warm.peakRssMb)}`,
      ]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  const header = [
    'entities / relations / sources',
    'cold ready s',
    'cold RSS MB',
    'snapshot ready s',
    'snapshot RSS MB',
    'cold ÷ snapshot',
    'CPU s to ready (cold / snapshot)',
    'searchable s (cold / snapshot)',
    'peak RSS MB (cold / snapshot)',
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  console.log(`\n${line(header)}`);
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of rows) console.log(line(cells));
}

await main();
