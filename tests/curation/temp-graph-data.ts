/**
 * A temporary copy of the shipped graph-data for every test that writes: the repository's own
 * graph-data is never written by a test.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CurationError } from '../../server/curation/changes';
import { DEFAULT_GRAPH_DATA_DIR } from '../../server/data/load-graph-data';

export const ARTICLE = [
  'Harbour Council Approves New Ferry Route',
  '',
  'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.',
  '',
  'Officials said the Coastal Transit Company will reportedly run the first crossings in spring.',
  '',
  'The Harbour Council approved the budget as well.',
  '',
].join('\n');

/** A test that writes loads the whole graph per change: on a busy machine that takes longer than jest's 5 s. */
export const WRITE_TEST_TIMEOUT = 60_000;

export async function tempGraphData(): Promise<{ dir: string; cleanUp(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'graph-data-curation-'));
  await cp(DEFAULT_GRAPH_DATA_DIR, dir, { recursive: true });
  return { dir, cleanUp: () => rm(dir, { recursive: true, force: true }) };
}

/** The offsets of `quote` in `text` (its `occurrence`-th appearance). */
export function selectionOf(text: string, quote: string, occurrence = 1) {
  let start = -1;
  for (let n = 0; n < occurrence; n++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text: the test would prove nothing`);
  return { start, end: start + quote.length };
}

/** The error a change is refused with; fails when the change is accepted or fails otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<CurationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CurationError) return error;
    throw error;
  }
  throw new Error('the change was accepted');
}
