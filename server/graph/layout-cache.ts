/**
 * Laid-out overviews kept on disk
 * ===============================
 *
 * An overview's layout (overview-layout.ts) costs about a second of CPU for 500 entities, and
 * a restart with unchanged data would pay it again before the explorer's first picture. So a
 * layout is written to a file named by the hash of everything it is computed from (the
 * entities with their sizes, the relations, the layout's settings and the code's version,
 * layout.ts LAYOUT_VERSION), and read back when the same input comes: changed data or a
 * changed layout makes another name, so a stale file is never read.
 *
 * A cache only: a file that cannot be read or does not hold a position for every entity is
 * laid out anew, a write that fails is reported and forgotten, and a write goes to a temp
 * file first and is renamed into place, so a reader never sees half a file. Off until
 * main.ts names a folder (the tests lay out in memory).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where an entity is drawn. */
export interface PositionRecord {
  id: string;
  x: number;
  y: number;
}

let cacheDir: string | null = null;

/** Keeps laid-out overviews in `dir` from now on (null: in memory only). */
export function keepLayoutsIn(dir: string | null): void {
  cacheDir = dir;
}

function fileFor(dir: string, input: unknown): string {
  return join(dir, `${createHash('sha256').update(JSON.stringify(input)).digest('hex')}.layout.json`);
}

/** Whether `value` places exactly `ids`, in their order, at finite coordinates. */
function placesAll(value: unknown, ids: readonly string[]): value is PositionRecord[] {
  return (
    Array.isArray(value) &&
    value.length === ids.length &&
    value.every(
      (item: Partial<PositionRecord>, i) => item?.id === ids[i] && Number.isFinite(item.x) && Number.isFinite(item.y),
    )
  );
}

/**
 * The positions of `ids` computed from `input`: from the cache when it holds them, else from
 * `compute`, then kept.
 */
export async function cachedLayout(
  input: unknown,
  ids: readonly string[],
  compute: () => Promise<PositionRecord[]>,
): Promise<PositionRecord[]> {
  const dir = cacheDir;
  if (!dir) return compute();
  const file = fileFor(dir, input);
  const stored = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (placesAll(stored, ids)) return stored;

  const positions = await compute();
  const temp = `${file}.${process.pid}.tmp`;
  await mkdir(dir, { recursive: true })
    .then(() => writeFile(temp, JSON.stringify(positions)))
    .then(() => rename(temp, file))
    .catch((error: unknown) => console.warn(`Could not keep the overview's layout in ${dir}: ${String(error)}`));
  return positions;
}
