/**
 * The write path
 * ==============
 *
 * One change at a time (a queue; the process is the only writer of its graph-data folder):
 *   1. check the change names the current data version, or an older one whose later changes
 *      touched none of the same records (optimistic concurrency);
 *   2. plan the would-be files (changes.ts);
 *   3. load them through the loader from a staging folder: the same rules as the files on
 *      disk, over the whole graph, before anything is written;
 *   4. write them and the change log atomically (atomic-write.ts);
 *   5. hand the graph the loader built in step 3 to `onCommitted`, which swaps it in.
 */
import { access, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DATASET_FILE } from '../data/dataset';
import { GraphDataError } from '../data/errors';
import { GRAPH_DATA_FILES, loadGraphData } from '../data/load-graph-data';
import type { KnowledgeGraph } from '../data/model';
import { writeAtomically, recoverWrites, type FileWrite } from './atomic-write';
import {
  CHANGE_LOG_FILE,
  CHANGE_LOG_HEADER,
  type ChangeEntry,
  dataVersionOf,
  parseChangeLog,
  readChangeLogText,
  readRecordFiles,
} from './change-log';
import { type Change, CurationError, planChange } from './changes';
import { appendRecord, YamlEditError } from './yaml-edit';

export interface CommittedChange {
  entry: ChangeEntry;
  graph: KnowledgeGraph;
}

export interface Curation {
  /** The version of the files as they are now. */
  readonly version: () => string;
  readonly log: () => readonly ChangeEntry[];
  apply(change: Change, options: { by: string; baseVersion: string }): Promise<CommittedChange>;
}

/** Most problems quoted back when the loader refuses a change. */
const PROBLEMS_SHOWN = 5;

/**
 * Opens graph-data for writing: reads the files and the log. `graph` must be what the loader
 * makes of `dir` now (after recoverWrites()); `versionOf` is the served data version of a graph,
 * the version every change names and the change log records.
 */
export async function openCuration(
  dir: string,
  graph: KnowledgeGraph,
  versionOf: (graph: KnowledgeGraph) => string,
  onCommitted: (committed: CommittedChange) => void,
): Promise<Curation> {
  let files = await readRecordFiles(dir);
  // The files as loaded, to notice a hand edit made while the server runs.
  let filesDigest = dataVersionOf(files);
  let version = versionOf(graph);
  let logText = await readChangeLogText(dir);
  let log = parseChangeLog(logText);
  let current = graph;
  let queue: Promise<unknown> = Promise.resolve();

  async function applyNow(change: Change, by: string, baseVersion: string): Promise<CommittedChange> {
    // A hand edit since start-up changes the version on disk: refuse rather than overwrite it.
    const onDisk = await readRecordFiles(dir);
    if (dataVersionOf(onDisk) !== filesDigest) {
      throw new CurationError(
        'graph-data was edited on disk since the server loaded it; restart the server to load the edit',
        'CONFLICT',
      );
    }
    const at = new Date().toISOString();
    const changeId = (log.at(-1)?.id ?? 0) + 1;
    const plan = planPrecisely(() => planChange(change, { graph: current, files, log, by, at, changeId }));
    checkVersion(baseVersion, version, log, plan.touched);

    const nextFiles = new Map(files);
    for (const [file, text] of plan.records) nextFiles.set(file, text);
    const nextGraph = await validate(dir, plan.records, plan.texts);
    const entry: ChangeEntry = {
      id: changeId,
      at,
      by,
      summary: plan.summary,
      base: version,
      version: versionOf(nextGraph),
      touched: plan.touched,
      added: plan.added,
      ...(change.kind === 'revert' ? { reverts: change.change } : {}),
      effects: plan.effects,
    };
    const nextLogText = appendRecord(logText || CHANGE_LOG_HEADER, entry as unknown as Record<string, unknown>);
    const writes: FileWrite[] = [
      ...[...plan.texts].map(([file, content]) => ({ file, content })),
      ...[...plan.records].map(([file, content]) => ({ file, content })),
      { file: CHANGE_LOG_FILE, content: nextLogText },
    ];
    await writeAtomically(dir, writes);

    files = nextFiles;
    filesDigest = dataVersionOf(nextFiles);
    version = entry.version;
    logText = nextLogText;
    log = [...log, entry];
    current = nextGraph;
    const committed = { entry, graph: nextGraph };
    onCommitted(committed);
    return committed;
  }

  return {
    version: () => version,
    log: () => log,
    apply(change, { by, baseVersion }) {
      const result = queue.then(() => applyNow(change, by, baseVersion));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/**
 * An edit the files do not allow (a record the log names but a hand edit removed, a list
 * that is not a list) is the data's problem, said as such, not a failure of the server.
 */
function planPrecisely<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof YamlEditError) {
      throw new CurationError(`graph-data cannot take the change as it is written: ${error.message}`, 'DATA_INVALID');
    }
    throw error;
  }
}

/** Finishes an interrupted write; call before loading graph-data for curation. */
export { recoverWrites };

/**
 * A change made against `base` may go ahead when `base` is current, or when no change since
 * `base` touched any record this one touches. Otherwise it is refused, saying what changed.
 */
function checkVersion(base: string, current: string, log: readonly ChangeEntry[], touched: string[]): void {
  if (base === current) return;
  const from = log.findLastIndex((entry) => entry.version === base);
  if (from === -1) {
    throw new CurationError(
      `the change was made against data version ${base}, which is not in the change log; reload (current version ${current})`,
      'CONFLICT',
    );
  }
  const clashes = log
    .slice(from + 1)
    .filter((entry) => entry.touched.some((ref) => touched.includes(ref)))
    .map(
      (entry) =>
        `change ${entry.id} by ${entry.by} at ${entry.at} (${entry.summary}) touched ${entry.touched.filter((ref) => touched.includes(ref)).join(', ')}`,
    );
  if (clashes.length > 0) {
    throw new CurationError(
      `the change was made against data version ${base}, but since then ${clashes.join('; ')}; reload and try again (current version ${current})`,
      'CONFLICT',
    );
  }
}

/**
 * The would-be graph, loaded by the loader from a staging folder that holds the changed files
 * and links to the unchanged ones. Its problems, if any, refuse the change.
 */
async function validate(
  dir: string,
  records: ReadonlyMap<string, string>,
  texts: ReadonlyMap<string, string>,
): Promise<KnowledgeGraph> {
  const staging = await mkdtemp(path.join(tmpdir(), 'graph-data-staging-'));
  try {
    for (const file of Object.values(GRAPH_DATA_FILES)) {
      const text = records.get(file);
      if (text !== undefined) await writeFile(path.join(staging, file), text);
      else await symlink(path.join(dir, file), path.join(staging, file));
    }
    // The dataset's title and description too, when there are any: the staged graph is the one served next.
    await access(path.join(dir, DATASET_FILE)).then(
      () => symlink(path.join(dir, DATASET_FILE), path.join(staging, DATASET_FILE)),
      () => undefined,
    );
    await mkdir(path.join(staging, 'sources'));
    for (const name of await readdir(path.join(dir, 'sources'))) {
      await symlink(path.join(dir, 'sources', name), path.join(staging, 'sources', name));
    }
    for (const [file, text] of texts) {
      await writeFile(path.join(staging, file), text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new CurationError(`the file ${file} already exists`, 'BAD_USER_INPUT', 'source.id');
        throw error;
      });
    }
    return await loadGraphData(staging);
  } catch (error) {
    if (error instanceof GraphDataError) {
      const shown = error.problems
        .slice(0, PROBLEMS_SHOWN)
        .map(
          (problem) =>
            `${problem.file}${problem.recordId ? ` "${problem.recordId}"` : ''}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`,
        );
      const more =
        error.problems.length > PROBLEMS_SHOWN ? ` (and ${error.problems.length - PROBLEMS_SHOWN} more)` : '';
      throw new CurationError(`the change would make graph-data invalid: ${shown.join('; ')}${more}`, 'DATA_INVALID');
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
