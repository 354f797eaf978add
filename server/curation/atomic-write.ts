/**
 * Atomic multi-file writes
 * ========================
 *
 * One curation change rewrites several files of graph-data at once (a relation and the
 * entity it introduces, a source record and its text, and the change log). Each file is
 * written to a temporary file beside it and fsynced; then a journal naming every pair is
 * written the same way: that is the commit point. Only then is each temporary file renamed
 * over its target. A crash before the journal leaves the targets untouched (the temporary
 * files are removed at the next start); a crash after it is rolled forward at the next start
 * by finishing the renames. So graph-data is always either wholly before or wholly after a
 * change.
 *
 * For the tests, `CURATION_CRASH_AT` names a step at which the process kills itself
 * (SIGKILL: no clean-up runs), to prove the claim above step by step.
 */
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface FileWrite {
  /** Path relative to the graph-data folder, such as `relations.yaml` or `sources/x.txt`. */
  file: string;
  content: string;
}

/** The steps at which a test may ask the process to die. */
export const CRASH_POINTS = ['temp-written', 'temp-synced', 'journal-written', 'first-renamed', 'all-renamed'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export const JOURNAL_FILE = '.curation-journal.json';
const TEMP_SUFFIX = '.curation-tmp';

function crashIfAsked(step: CrashPoint): void {
  if (process.env.CURATION_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

async function writeSynced(target: string, content: string): Promise<void> {
  const handle = await open(target, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder, so the renames in it are durable. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes every file or, should the process die half-way, leaves what recoverWrites() completes. */
export async function writeAtomically(dir: string, writes: readonly FileWrite[]): Promise<void> {
  const pairs = writes.map(({ file }) => ({ target: file, temp: `${file}${TEMP_SUFFIX}` }));
  const folders = [...new Set(writes.map(({ file }) => path.dirname(path.join(dir, file))))];

  for (const [position, { content }] of writes.entries()) {
    const handle = await open(path.join(dir, pairs[position]!.temp), 'w');
    try {
      await handle.writeFile(content, 'utf8');
      if (position === writes.length - 1) crashIfAsked('temp-written');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  crashIfAsked('temp-synced');

  const journal = path.join(dir, JOURNAL_FILE);
  await writeSynced(`${journal}${TEMP_SUFFIX}`, JSON.stringify({ pairs }));
  await rename(`${journal}${TEMP_SUFFIX}`, journal);
  await syncFolder(dir);
  crashIfAsked('journal-written');

  for (const [position, { temp, target }] of pairs.entries()) {
    await rename(path.join(dir, temp), path.join(dir, target));
    if (position === 0) crashIfAsked('first-renamed');
  }
  await Promise.all(folders.map(syncFolder));
  crashIfAsked('all-renamed');
  await rm(journal);
  await syncFolder(dir);
}

/**
 * Run before graph-data is loaded: finishes a write whose journal was committed, and removes
 * the temporary files of one that was not. Returns what it did, for the log.
 */
export async function recoverWrites(dir: string): Promise<'none' | 'rolled-forward' | 'rolled-back'> {
  const journal = path.join(dir, JOURNAL_FILE);
  let outcome: 'none' | 'rolled-forward' | 'rolled-back' = 'none';
  let text: string | undefined;
  try {
    text = await readFile(journal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const { pairs } = JSON.parse(text) as { pairs: { target: string; temp: string }[] };
    for (const { temp, target } of pairs) {
      try {
        await rename(path.join(dir, temp), path.join(dir, target));
      } catch (error) {
        // Already renamed before the crash.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await syncFolder(dir);
    await rm(journal);
    outcome = 'rolled-forward';
  }
  for (const folder of [dir, path.join(dir, 'sources')]) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((entry) => entry.endsWith(TEMP_SUFFIX))) {
      await rm(path.join(folder, name));
      if (outcome === 'none') outcome = 'rolled-back';
    }
  }
  return outcome;
}
