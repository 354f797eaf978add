/**
 * Benchmark: server start-up on generated graph-data, cold and from the snapshot
 * =============================================================================
 *
 * `npm run bench` (after the query benchmark), or alone: `tsx tests/bench/server-start.ts`.
 * For each size, writes a synthetic graph-data folder (data:synth's generator) into a temp
 * folder, then starts the real server (server/main.ts, as `npm run serve` does) twice on
 * 127.0.0.1 with an empty snapshot folder: the first start loads in full and writes the
 * snapshot (cold), the second reads it (snapshot). Ready = the server printed its URL and
 * answered /healthz; RSS = the process's peak resident memory (VmHWM) at that moment. The
 * cold start is the baseline of the ratio, measured in the same run on the same data.
 *
 * Bounded: each start is killed after BENCH_START_TIMEOUT seconds (default 300) and reported
 * as such. Sizes: BENCH_SERVER_SIZES, relations, comma-separated (default 1000,10000,100000,1000000).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.BENCH_SERVER_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT ?? 300) * 1000;

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
  /** What the server said about its load ("loaded in full in 9.8 s"), or why it failed. */
  note: string;
}

/** Starts the server, waits until it answers /healthz, reads its peak RSS, stops it. */
async function timeStart(dataDir: string, snapshotDir: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
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
  try {
    const url = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), TIMEOUT_MS);
      const look = () => {
        const match = /explorer at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout.on('data', look);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    if (!url) {
      const reason = child.exitCode === null ? `no answer in ${TIMEOUT_MS / 1000} s` : `exited ${child.exitCode}`;
      return { readyMs: null, rssMb: null, note: `${reason}: ${output.trim().split('\n').slice(-1)[0] ?? ''}` };
    }
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) return { readyMs: null, rssMb: null, note: `/healthz answered ${health.status}` };
    const readyMs = performance.now() - started;
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    const note = /graph-data loaded [^\n]*/.exec(output)?.[0] ?? '';
    return { readyMs, rssMb: peak ? Number(peak[1]) / 1024 : null, note };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const seconds = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1));
const megabytes = (mb: number | null) => (mb === null ? '–' : String(Math.round(mb)));

async function main(): Promise<void> {
  console.log('\nServer start-up: ready time and peak RSS, cold (full load) and from the snapshot\n');
  const rows: string[][] = [];
  for (const relations of SIZES) {
    const { entities, sources } = shapeOf(relations);
    const work = await mkdtemp(join(tmpdir(), 'bench-start-'));
    try {
      const dataDir = join(work, 'graph-data');
      const generated = performance.now();
      await writeSyntheticGraphData(dataDir, { entities, relations, sources, seed: 9 });
      console.log(
        `  ${relations} relations: generated in ${seconds(performance.now() - generated)} s; starting the server …`,
      );
      const cold = await timeStart(dataDir, join(work, 'snapshots'));
      const warm = await timeStart(dataDir, join(work, 'snapshots'));
      console.log(`    cold: ${cold.note}; snapshot: ${warm.note}`);
      const ratio =
        cold.readyMs !== null && warm.readyMs !== null ? `${(cold.readyMs / warm.readyMs).toFixed(1)}×` : '–';
      rows.push([
        `${entities} / ${relations} / ${sources}`,
        seconds(cold.readyMs),
        megabytes(cold.rssMb),
        seconds(warm.readyMs),
        megabytes(warm.rssMb),
        ratio,
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
