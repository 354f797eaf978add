/**
 * The explorer's opening requests. Without round trips when the page carries their answers
 * (server/api/opening-answers.ts): the explorer then draws from them and posts none of them.
 * Otherwise sent before React's code runs: the entry chunk
 * imports the opening-requests chunk (client/src/api/opening-requests.ts) before any chunk
 * holding React, and that chunk reaches no React code through its own imports. A browser
 * evaluates a module's imports in order, each chunk's own imports first, so either mistake
 * would put React's evaluation (a hundred milliseconds and more on a busy machine) before the
 * requests. Reads the production build (client/vite.config.ts's chunk groups).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  ensureClientBuilt,
  harnessForThisFile,
  openPage,
  ROOT,
  statusLine,
  TEST_TIMEOUT,
  waitForGraph,
} from './harness';

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
  /** The page's module scripts, in document order (the order a browser runs them in). */
  let scripts: string[];
  let entry: string;

  beforeAll(() => {
    ensureClientBuilt();
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    scripts = [...html.matchAll(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
    const found = scripts.find((script) => script.startsWith('explorer-'));
    if (!found) throw new Error('client/dist/index.html has no explorer entry script.');
    entry = found;
  });

  it('are in a chunk of their own that reaches no React code', () => {
    const opening = readdirSync(ASSETS).find((file) => /^opening-requests-.*\.js$/.test(file));
    expect(opening).toBeDefined();
    expect(read(opening!)).toContain('/graphql');
    const reached = [...reachable(opening!)];
    expect(reached.filter(holdsReact)).toEqual([]);
  });

  it('run as a module script of their own, ahead of the entry, so they need not wait for React to arrive', () => {
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/^opening-requests-.*\.js$/);
    expect(scripts[1]).toBe(entry);
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

describe('the explorer on a page that carries its opening answers', () => {
  const harness = harnessForThisFile();

  it(
    'draws the graph without posting its opening requests, which the first page had the server answer',
    async () => {
      /** The explorer's page, drawn, with the opening requests it posted (by operation). */
      const visit = async () => {
        const { page, context, errors } = await openPage(harness);
        const posted: string[] = [];
        page.on('request', (request) => {
          const operation = /query (Opening\w+|SourcesPage)\b/.exec(request.postData() ?? '');
          if (request.method() === 'POST' && operation) posted.push(operation[1]!);
        });
        await waitForGraph(page);
        const carried = await page.locator('#opening-answers').count();
        const status = await statusLine(page).textContent();
        await context.close();
        return { posted, carried, status, errors };
      };
      const first = await visit();
      expect(first.errors).toEqual([]);
      // Reloaded until the server has the answers at hand (made in the background after the first page).
      let later = await visit();
      for (let attempt = 0; attempt < 10 && later.carried === 0; attempt++) later = await visit();
      expect(later.carried).toBe(1);
      expect(later.posted).toEqual([]);
      expect(later.errors).toEqual([]);
      const { entityCount, relationCount } = (
        await harness.api<{ stats: { entityCount: number; relationCount: number } }>(
          '{ stats { entityCount relationCount } }',
        )
      ).stats;
      expect(later.status).toContain(`${entityCount} entities`);
      expect(later.status).toContain(`${relationCount} relations`);
    },
    TEST_TIMEOUT,
  );

  it(
    'draws the graph, titled, before it mounts the tools and the details or asks for the timeline, and the canvas keeps its size when they come',
    async () => {
      const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
      // What the page holds when sigma's first frame is drawn, noted by the page itself.
      await context.addInitScript(() => {
        // The questions the page sends to the API, by operation name, in order.
        const posted: string[] = [];
        const send = window.fetch.bind(window);
        window.fetch = (input, init) => {
          if (typeof init?.body === 'string')
            posted.push(/"operationName":"(\w+)"/.exec(init.body)?.[1] ?? init.body.slice(0, 40));
          return send(input, init);
        };
        (window as unknown as { posted: string[] }).posted = posted;
        const observer = new MutationObserver(() => {
          const canvas = document.querySelector<HTMLElement>('[data-graph-ready="true"]');
          if (!canvas) return;
          observer.disconnect();
          const note = window as unknown as { atFirstFrame: object };
          note.atFirstFrame = {
            tabs: document.querySelectorAll('[role="tab"]').length,
            details: document.querySelector('[aria-label="Details"]')?.childElementCount ?? -1,
            title: document.querySelector('h1')?.firstChild?.textContent ?? null,
            width: canvas.offsetWidth,
            height: canvas.offsetHeight,
            bars: document.querySelectorAll('.time-bar__bar').length,
            posted: [...posted],
          };
        });
        observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-graph-ready'] });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(harness.server.url);
      await waitForGraph(page);
      await page.getByRole('tab', { name: 'Filters' }).waitFor();
      await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().waitFor();
      const canvas = page.locator('[data-graph-ready]');
      const now = {
        width: await canvas.evaluate((element: HTMLElement) => element.offsetWidth),
        height: await canvas.evaluate((element: HTMLElement) => element.offsetHeight),
      };
      // The timeline is asked after the first frame, into the room kept for it.
      await page.locator('.time-bar__bar').first().waitFor();
      const atFirstFrame = await page.evaluate(() => (window as unknown as { atFirstFrame: object }).atFirstFrame);
      // The dataset's title comes with the graph: the first frame's header already names it.
      const { dataset } = await harness.api<{ dataset: { title: string } }>('{ dataset { title } }');
      // Nothing is asked of the API before it: the page carries the opening answers.
      expect(atFirstFrame).toEqual({ tabs: 0, details: 0, title: dataset.title, ...now, bars: 0, posted: [] });
      expect(await page.evaluate(() => (window as unknown as { posted: string[] }).posted)).toContain('TimelineCounts');
      expect(errors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
