/**
 * Bad datasets for loader tests: a copy of a valid fixture with one file edited, the smallest
 * possible bad dataset, and the problems the loader reports for it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphDataError, type DataProblem } from '../../server/data/errors';
import { loadGraphData } from '../../server/data/load-graph-data';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Makes edited copies of one fixture, and removes them all with `cleanUp`. */
export function fixtureCopies(fixture: string) {
  const tempDirs: string[] = [];
  return {
    async with(file: string, edit: (content: string) => string): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'graph-data-'));
      tempDirs.push(dir);
      await cp(join(FIXTURES, fixture), dir, { recursive: true });
      const path = join(dir, file);
      const before = await readFile(path, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing: the test would prove nothing`);
      await writeFile(path, after);
      return dir;
    },
    async cleanUp(): Promise<void> {
      await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

export async function problemsOf(dir: string): Promise<DataProblem[]> {
  try {
    await loadGraphData(dir);
  } catch (error) {
    if (error instanceof GraphDataError) return error.problems;
    throw error;
  }
  throw new Error('the bad data was loaded without an error');
}
