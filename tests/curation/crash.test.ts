import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { CRASH_POINTS, JOURNAL_FILE, recoverWrites } from '../../server/curation/atomic-write';
import { loadGraphData } from '../../server/data/load-graph-data';
import { CRASH_CHANGE } from './crash-change';
import { tempGraphData } from './temp-graph-data';

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, 'crash-child.ts');

/** Runs the change in a child process (node itself: tsx's wrapper would hide the signal) that dies at `crashAt`; returns how it ended. */
async function changeInChild(
  dir: string,
  change: Change,
  crashAt?: string,
): Promise<{ signal: string | null; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, dir, change], {
      cwd: path.join(import.meta.dirname, '../..'),
      env: { ...process.env, CURATION_CRASH_AT: crashAt ?? '' },
      timeout: 60_000,
    });
    return { signal: null, stdout };
  } catch (error) {
    const failure = error as { signal?: string; stdout?: string; stderr?: string };
    if (failure.signal !== 'SIGKILL')
      throw new Error(`the child failed (${failure.signal}): ${failure.stderr}`, { cause: error });
    return { signal: failure.signal, stdout: failure.stdout ?? '' };
  }
}

/** The change the child makes: a relation with a new entity, or (after it) its undo. */
type Change = 'add' | 'undo';

/** Whether the change is wholly there, wholly absent, or (never acceptable) half there. */
async function stateOf(dir: string, change: Change): Promise<'before' | 'after' | 'half'> {
  const graph = await loadGraphData(dir); // throws on invalid data
  const log = await readFile(path.join(dir, 'changes.yaml'), 'utf8').catch(() => '');
  const added = change === 'add';
  const parts = [
    graph.graph.hasNode(CRASH_CHANGE.entityId) === added,
    graph.graph.hasEdge(CRASH_CHANGE.relationId) === added,
    log.includes(added ? 'by: Crash Test' : 'reverts: 1'),
  ];
  if (parts.every(Boolean)) return 'after';
  if (parts.every((part) => !part)) return 'before';
  return 'half';
}

const TIMEOUT_MS = 120_000;

test.each((['add', 'undo'] as const).flatMap((change) => CRASH_POINTS.map((point) => [change, point] as const)))(
  'a write (%s) killed at "%s" leaves graph-data valid, wholly before or after the change once recovered',
  async (change, point) => {
    const temp = await tempGraphData();
    try {
      const ended = await changeInChild(temp.dir, change, point);
      expect(ended.signal).toBe('SIGKILL');
      const outcome = await recoverWrites(temp.dir);
      const committed = CRASH_POINTS.indexOf(point) >= CRASH_POINTS.indexOf('journal-written');
      expect(outcome).toBe(committed ? 'rolled-forward' : 'rolled-back');
      expect(await stateOf(temp.dir, change)).toBe(committed ? 'after' : 'before');
      const leftovers = [...(await readdir(temp.dir)), ...(await readdir(path.join(temp.dir, 'sources')))];
      expect(leftovers.filter((name) => name.endsWith('.curation-tmp') || name === JOURNAL_FILE)).toEqual([]);
    } finally {
      await temp.cleanUp();
    }
  },
  TIMEOUT_MS,
);

test(
  'the same change, not interrupted, is written whole',
  async () => {
    const temp = await tempGraphData();
    try {
      expect((await changeInChild(temp.dir, 'add')).stdout).toContain('written');
      expect(await recoverWrites(temp.dir)).toBe('none');
      expect(await stateOf(temp.dir, 'add')).toBe('after');
    } finally {
      await temp.cleanUp();
    }
  },
  TIMEOUT_MS,
);
