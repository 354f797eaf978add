/**
 * The change log and the data version
 * ===================================
 *
 * `graph-data/changes.yaml` records every change made through the API: who, when, what it
 * touched and added, and the data version before and after. It is append-only: a change adds
 * one block at the end, and undo is a new change, never an edit of an old one.
 *
 * Each entry records the served data version (a hash of the loaded graph) before and after
 * it: a curator's change names the version it was made against. `dataVersionOf` digests the
 * record files themselves, to notice a hand edit made while a curating server runs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';
import { z } from 'zod';

import { GRAPH_DATA_FILES } from '../data/load-graph-data';
import { effectSchema, recordRefSchema } from './effects';

export const CHANGE_LOG_FILE = 'changes.yaml';

export const CHANGE_LOG_HEADER =
  '# Change log: one block per change made through the API (who, when, what), appended in order.\n' +
  '# Append-only: an undo is a later change that retires what an earlier one added.\n';

export const changeEntrySchema = z.strictObject({
  id: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  summary: z.string(),
  base: z.string(),
  version: z.string(),
  touched: z.array(recordRefSchema),
  added: z.array(recordRefSchema),
  reverts: z.number().int().positive().optional(),
  /** What it did, step by step (effects.ts): what an undo takes back. */
  effects: z.array(effectSchema).optional(),
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

/** The digest of the record files' texts (texts are pinned by their SHA-256 in sources.yaml), in a fixed order. */
export function dataVersionOf(texts: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const file of Object.values(GRAPH_DATA_FILES)) {
    hash.update(`${file}\0${texts.get(file) ?? ''}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The record files' texts, by file name. */
export async function readRecordFiles(dir: string): Promise<Map<string, string>> {
  const files = Object.values(GRAPH_DATA_FILES);
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
  return new Map<string, string>(files.map((file, position) => [file, texts[position]!]));
}

/** The change log's text ('' when there is none yet). */
export async function readChangeLogText(dir: string): Promise<string> {
  try {
    return await readFile(path.join(dir, CHANGE_LOG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Every change, oldest first; a malformed log is an error naming the entry. */
export function parseChangeLog(text: string): ChangeEntry[] {
  const value = (parse(text) ?? []) as unknown;
  if (!Array.isArray(value)) throw new Error(`${CHANGE_LOG_FILE} must be a list of changes`);
  return value.map((entry, position) => {
    const parsed = changeEntrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new Error(`${CHANGE_LOG_FILE}, change ${position + 1}: ${parsed.error.issues[0]?.message ?? 'malformed'}`);
    }
    return parsed.data;
  });
}
