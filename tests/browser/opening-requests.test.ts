/**
 * The built explorer sends its first requests before React's code runs: the entry chunk
 * imports the opening-requests chunk (client/src/api/opening-requests.ts) before any chunk
 * holding React, and that chunk reaches no React code through its own imports. A browser
 * evaluates a module's imports in order, each chunk's own imports first, so either mistake
 * would put React's evaluation (a hundred milliseconds and more on a busy machine) before the
 * requests. Reads the production build (client/vite.config.ts's chunk groups).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ensureClientBuilt, ROOT } from './harness';

const DIST = join(ROOT, 'client', 'dist');
const ASSETS = join(DIST, 'assets');

const read = (chunk: string) => readFileSync(join(ASSETS, chunk), 'utf8');

/** The chunks a chunk imports statically, in the order it imports them. */
function importsOf(chunk: string): string[] {
  return [...read(chunk).matchAll(/(?:^|[;\s}])import(?:[^'"`;]*?from)?\s*["']\.\/([^"']+\.js)["']/g)].map(
    (match) => match[1]!,
  );
}

/** Whether a chunk holds React's own code (its production build names its element symbol). */
const holdsReact = (chunk: string) => read(chunk).includes('react.transitional.element');

/** Every chunk a chunk reaches through static imports, itself included. */
function reachable(chunk: string, seen = new Set<string>()): Set<string> {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  for (const imported of importsOf(chunk)) reachable(imported, seen);
  return seen;
}

describe('the explorer’s opening requests in the production build', () => {
  let entry: string;

  beforeAll(() => {
    ensureClientBuilt();
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html);
    if (!script) throw new Error('client/dist/index.html has no module script.');
    entry = script[1]!;
  });

  it('are in a chunk of their own that reaches no React code', () => {
    const opening = readdirSync(ASSETS).find((file) => /^opening-requests-.*\.js$/.test(file));
    expect(opening).toBeDefined();
    expect(read(opening!)).toContain('/graphql');
    const reached = [...reachable(opening!)];
    expect(reached.filter(holdsReact)).toEqual([]);
  });

  it('are imported by the entry before any chunk that holds React', () => {
    const imports = importsOf(entry);
    const opening = imports.findIndex((chunk) => chunk.startsWith('opening-requests-'));
    const firstReact = imports.findIndex((chunk) => [...reachable(chunk)].some(holdsReact));
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(firstReact).toBeGreaterThanOrEqual(0);
    expect(opening).toBeLessThan(firstReact);
  });
});
