/**
 * Real-browser harness: Debian's chromium (installed through apt when missing and we are
 * root; never downloaded), the client built when client/dist is missing or older than its
 * sources, and the real server over the shipped graph-data on 127.0.0.1, port 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The canvas probe's declaration of window.explorerCanvas, for page.evaluate callbacks.
import type {} from '../../client/src/views/explorer/canvas/canvas-probe';

import { startServer, type RunningServer, type StartServerOptions } from '../../server/api/server';
import type { KnowledgeGraph } from '../../server/data/model';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const CLIENT = join(ROOT, 'client');
const DIST_INDEX = join(CLIENT, 'dist', 'index.html');
const DIST_API_EXPLORER = join(CLIENT, 'dist', 'graphiql.html');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, through apt when missing and we may; otherwise say how to get it. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root) {
    console.log(`${CHROMIUM} is missing: installing Debian's chromium through apt…`);
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit' });
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `The browser tests need Debian's chromium at ${CHROMIUM}, and it is missing. ` +
      'Install it with `sudo apt-get update && sudo apt-get install -y chromium` and run the tests again. ' +
      '(The tests never download a browser: no `npx playwright install`.)',
  );
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the client (codegen + vite) when client/dist is missing or older than its sources. */
export function ensureClientBuilt(): void {
  const sources = Math.max(
    newestMtime(join(CLIENT, 'src')),
    newestMtime(join(CLIENT, 'index.html')),
    newestMtime(join(CLIENT, 'graphiql.html')),
    newestMtime(join(CLIENT, 'vite.config.ts')),
    newestMtime(join(ROOT, 'schema.graphql')),
  );
  const built = [DIST_INDEX, DIST_API_EXPLORER];
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return;
  console.log('client/dist is missing or stale: building the client (npm run build)…');
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Harness {
  server: RunningServer;
  browser: Browser;
  /** Runs a GraphQL query against the test server, for expectations taken from the API itself. */
  api<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `options` for the server: `production: false` serves what development has (the API
 * explorer at /graphql); a temporary graph-data copy and a curator token for curation;
 * `knowledgeGraph` a graph to serve (such as a generated one), made when the harness starts.
 */
export type HarnessOptions = Omit<StartServerOptions, 'knowledgeGraph'> & {
  knowledgeGraph?: () => Promise<KnowledgeGraph>;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureChromium();
  ensureClientBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const { knowledgeGraph, ...serverOptions } = options;
  const server = await startServer({
    ...serverOptions,
    knowledgeGraph: knowledgeGraph ? await knowledgeGraph() : undefined,
    port: 0,
    host: '127.0.0.1',
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    async api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!body.data) throw new Error(`The test's API query failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The harness of one test file: started before its tests (building the client when stale
 * can take minutes) and closed after them. Read it inside a test, not at the top of the file.
 */
export function harnessForThisFile(options: HarnessOptions = {}): Harness {
  let running: Harness | undefined;
  beforeAll(async () => {
    running = await startHarness(options);
  }, 300_000);
  afterAll(async () => {
    await running?.close();
  });
  const current = (): Harness => {
    if (running) return running;
    throw new Error('The browser harness is not running: it starts in beforeAll, which failed (see the error above).');
  };
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
    api: <T>(query: string, variables?: Record<string, unknown>) => current().api<T>(query, variables),
    close: () => current().close(),
  };
}

/** SwiftShader draws slowly (about 0.1 s a frame): generous, but a hang still fails. */
export const TEST_TIMEOUT = 60_000;

/** The status line's text for these counts. */
export const counts = (entities: number, relations: number) => `${entities} entities · ${relations} relations`;

export interface ExplorerPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors; a test ends by expecting none. */
  errors: string[];
}

/** A fresh page at `path` (1280×800 unless told), not waiting for anything. */
export async function openPage(
  harness: Harness,
  path = '/',
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<ExplorerPage> {
  const context = await harness.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${harness.server.url}${path}`);
  return { page, context, errors };
}

/** Waits until sigma has drawn the graph and the camera has stopped moving. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.locator('[data-graph-ready="true"]').waitFor({ timeout: 45_000 });
  await page.locator('[data-camera-settled="true"]').waitFor({ timeout: 15_000 });
}

export function statusLine(page: Page) {
  return page.locator('[role="status"]');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

/** The picture README.md shows, written by the explorer test (not by hand). */
export const README_SCREENSHOT = join(ROOT, 'tests', 'browser', 'explorer-screenshot.png');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the status line reads exactly `text` (not merely contains it), then checks it. */
export async function expectStatus(page: Page, text: string): Promise<void> {
  await statusLine(page)
    .filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .waitFor();
  expect(await statusLine(page).textContent()).toBe(text);
}

/** The visible counts the status line reports. */
export async function statusCounts(page: Page): Promise<{ entities: number; relations: number }> {
  const text = await statusLine(page).textContent();
  const match = /^(\d+) entit(?:y|ies) · (\d+) relations?$/.exec(text ?? '');
  if (!match)
    throw new Error(`The status line should read "N entities · M relations", and reads ${JSON.stringify(text)}.`);
  return { entities: Number(match[1]), relations: Number(match[2]) };
}

/** A point on the page, in CSS pixels from the viewport's top-left (what page.mouse takes). */
export interface PagePoint {
  x: number;
  y: number;
}

/**
 * Where sigma drew an entity, on the page: through the canvas probe (window.explorerCanvas,
 * client/src/views/explorer/canvas/canvas-probe.ts), which applies sigma.graphToViewport.
 */
export async function nodeOnPage(
  page: Page,
  id: string,
): Promise<PagePoint & { radius: number; color: string; hidden: boolean }> {
  const node = await page.evaluate((nodeId) => {
    const probed = window.explorerCanvas?.node(nodeId);
    const box = document.querySelector('.graph-canvas__sigma')?.getBoundingClientRect();
    return probed && box ? { ...probed, x: probed.x + box.left, y: probed.y + box.top } : null;
  }, id);
  if (!node) throw new Error(`The canvas probe knows no entity "${id}" (is the graph drawn?).`);
  return node;
}

/**
 * Drawn entities whose disc is not wholly on the canvas or lies under an overlay (legend,
 * toolbars, focus banner: the elements marked data-canvas-overlay), as "id (why)".
 */
export async function entitiesHiddenByOverlays(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const probe = window.explorerCanvas;
    const canvas = document.querySelector('.graph-canvas__sigma')?.getBoundingClientRect();
    if (!probe || !canvas) return ['(no canvas)'];
    const overlays = Array.from(document.querySelectorAll('[data-canvas-overlay]'))
      .map((element) => ({
        name: element.getAttribute('aria-label') ?? element.className,
        box: element.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const offenders: string[] = [];
    for (const id of probe.drawnNodes()) {
      const node = probe.node(id);
      if (!node) continue;
      const left = canvas.left + node.x - node.radius;
      const right = canvas.left + node.x + node.radius;
      const top = canvas.top + node.y - node.radius;
      const bottom = canvas.top + node.y + node.radius;
      if (left < canvas.left || right > canvas.right || top < canvas.top || bottom > canvas.bottom) {
        offenders.push(`${id} (off the canvas)`);
        continue;
      }
      for (const { name, box } of overlays) {
        if (left < box.right && right > box.left && top < box.bottom && bottom > box.top)
          offenders.push(`${id} (under ${name})`);
      }
    }
    return offenders;
  });
}

/**
 * Points the mouse at a relation drawn on the canvas and returns it: straight edges are
 * tried by how far their midpoint is from any entity and overlay (thicker first among
 * equals), and the first one sigma reports under the pointer (data-hover) is taken. No
 * relation is named in advance, so the test holds whatever the data becomes.
 */
export async function hoverSomeRelation(page: Page, tries = 12): Promise<{ id: string; point: PagePoint }> {
  const candidates = await page.evaluate(() => {
    const probe = window.explorerCanvas;
    const canvas = document.querySelector('.graph-canvas__sigma')?.getBoundingClientRect();
    if (!probe || !canvas) return [];
    const overlays = Array.from(document.querySelectorAll('[data-canvas-overlay]'))
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    const nodes = probe.drawnNodes().flatMap((id) => probe.node(id) ?? []);
    const found: { id: string; x: number; y: number; clearance: number; thickness: number }[] = [];
    for (const id of probe.drawnEdges()) {
      const edge = probe.edge(id);
      if (!edge || (edge.type !== 'line' && edge.type !== 'arrow')) continue;
      const a = probe.node(edge.source);
      const b = probe.node(edge.target);
      if (!a || !b) continue;
      const x = canvas.left + (a.x + b.x) / 2;
      const y = canvas.top + (a.y + b.y) / 2;
      const margin = 16;
      if (
        x < canvas.left + margin ||
        x > canvas.right - margin ||
        y < canvas.top + margin ||
        y > canvas.bottom - margin
      )
        continue;
      if (
        overlays.some(
          (box) => x > box.left - margin && x < box.right + margin && y > box.top - margin && y < box.bottom + margin,
        )
      )
        continue;
      const clearance = Math.min(
        ...nodes.map((node) => Math.hypot(canvas.left + node.x - x, canvas.top + node.y - y) - node.radius),
      );
      found.push({ id, x, y, clearance, thickness: edge.thickness });
    }
    // Well clear of entities first; among those, the thickest (easiest to point at).
    return found
      .filter((candidate) => candidate.clearance > 12)
      .sort((p, q) => Math.min(q.clearance, 40) - Math.min(p.clearance, 40) || q.thickness - p.thickness);
  });
  for (const candidate of candidates.slice(0, tries)) {
    await page.mouse.move(candidate.x, candidate.y);
    const hovered = await page
      .waitForFunction(
        () => document.querySelector('.graph-canvas__sigma')?.getAttribute('data-hover') || null,
        undefined,
        // Sigma reads the pointer in an animation frame, then React sets the hover: on a busy
        // machine that takes more than a second or two.
        { timeout: 5_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (hovered === `relation:${candidate.id}`) return { id: candidate.id, point: candidate };
    // Off the canvas, and wait until nothing is hovered, so the next try reads its own hover.
    await page.mouse.move(1, 1);
    await page
      .waitForFunction(() => !document.querySelector('.graph-canvas__sigma')?.getAttribute('data-hover'), undefined, {
        timeout: 2_000,
      })
      .catch(() => undefined);
  }
  throw new Error(
    `No relation could be pointed at on the canvas: tried ${Math.min(tries, candidates.length)} of ${candidates.length} straight edges clear of entities and overlays.`,
  );
}
