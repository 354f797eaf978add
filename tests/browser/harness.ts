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

import { startServer, type RunningServer } from '../../server/api/server';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const CLIENT = join(ROOT, 'client');
const DIST_INDEX = join(CLIENT, 'dist', 'index.html');

const CHROMIUM_ARGS = [
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
    newestMtime(join(CLIENT, 'vite.config.ts')),
    newestMtime(join(ROOT, 'schema.graphql')),
  );
  if (existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= sources) return;
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

export async function startHarness(): Promise<Harness> {
  ensureChromium();
  ensureClientBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ port: 0, host: '127.0.0.1' });
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
export function harnessForThisFile(): Harness {
  let running: Harness | undefined;
  beforeAll(async () => {
    running = await startHarness();
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
