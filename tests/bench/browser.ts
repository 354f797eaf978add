/**
 * Benchmark: the explorer in a real browser at 10^3, 10^4 and 10^5 relations
 * ==========================================================================
 *
 * `npm run bench:browser` (also the last part of `npm run bench`). For each size it writes a
 * generated graph-data directory (npm run data:synth's generator, seeded; kept between runs
 * in BENCH_GRAPH_DIR, default a folder under the system's temp directory), starts the
 * production server on it (`node server/dist/main.js`, 127.0.0.1), waits until it is idle
 * (search indexes built, overview laid out: "server idle"), and measures in one
 * headless Chromium (Debian's, software WebGL) at 1280×800:
 *
 * - first frame: navigation → the canvas's first drawn frame with data (`data-graph-ready`
 *   turning "true", the client's marker set after sigma's first render; the median of
 *   FIRST_FRAME_RUNS fresh loads after a first visit, with the client's marks on the way: the
 *   app asking for the graph, its data in, the page rendered and sigma begun, sigma made),
 *   against a bare sigma page (tests/bench/browser-bare-sigma.ts, bundled here
 *   by esbuild and served by this script) drawing as many nodes and edges as the explorer
 *   drew, loaded in turns with the explorer: the ratio is the price of the explorer over
 *   sigma alone (the medians' ratio, and the median and quartiles of the turns' own ratios: a
 *   turn's two loads meet the same load on a shared machine, the two medians need not);
 * - expand: clicking "Expand neighbours" on the biggest hub the overview shows → its
 *   neighbours drawn (bounded views only: the whole graph has nothing to expand);
 * - hub panel: selecting that hub → its panel listing relations, and the panel's DOM size;
 * - JS heap: used after a forced garbage collection (CDP Runtime.getHeapUsage), explorer and
 *   bare page;
 * - camera move: main-thread task time (CDP Performance.getMetrics TaskDuration) per wheel
 *   zoom step and per frame drawn, and the JavaScript part of it (ScriptDuration) per frame,
 *   explorer and bare page.
 *
 * Bounded: three sizes, a fixed number of camera moves, a time-out on every wait; loopback
 * only. Nothing here asserts on timings: it prints a table, with the load average (the
 * machine may be shared). Options: BENCH_SIZES (e.g. "1k,10k"), BENCH_GRAPH_DIR, BENCH_PORT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

import { writeSyntheticGraphData, type SynthOptions } from '../../server/scripts/synthetic-graph-data';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, ensureClientBuilt, ROOT } from '../browser/harness';

interface Size {
  name: string;
  synth: SynthOptions;
}

const SIZES: Size[] = [
  { name: '1k', synth: { entities: 500, relations: 1_000, sources: 20, seed: 9 } },
  { name: '10k', synth: { entities: 5_000, relations: 10_000, sources: 200, seed: 9 } },
  { name: '100k', synth: { entities: 50_000, relations: 100_000, sources: 4_000, seed: 9 } },
];

const chosen = (process.env.BENCH_SIZES ?? '').split(',').filter(Boolean);
const GRAPH_DIR = process.env.BENCH_GRAPH_DIR ?? join(tmpdir(), 'graph-explorer-browser-bench');
const PORT = Number(process.env.BENCH_PORT ?? 0);
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = 180_000;
const CAMERA_MOVES = 5;
// Nine turns: on a shared machine a median of five moved the ratio by a third between runs.
const FIRST_FRAME_RUNS = 9;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The graph-data directory of a size, written once (the generator is deterministic). */
async function graphData(size: Size): Promise<string> {
  const dir = join(GRAPH_DIR, `graph-${size.name}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  mkdirSync(dir, { recursive: true });
  await writeSyntheticGraphData(dir, size.synth);
  writeFileSync(done, JSON.stringify(size.synth));
  return dir;
}

interface RunningServer {
  url: string;
  readyMs: number;
  process: ChildProcess;
}

/**
 * The production server on a graph-data directory, on 127.0.0.1; resolves once it answers
 * GraphQL and has finished what it does after start-up (the search indexes, the overview's
 * layout), so that the explorer's page, like the bare page, is timed against an idle server
 * (the server's own start-up is `tests/bench/server-start.ts`'s to measure).
 */
async function startProductionServer(dir: string): Promise<RunningServer> {
  const port = PORT || (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GRAPH_DATA_DIR: dir,
      GRAPH_DATA_SNAPSHOT_DIR: join(dir, '..', 'snapshots'),
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let searchable = false;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (text: string) => {
    if (text.includes('Search indexes built')) searchable = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server on ${dir} exited with code ${child.exitCode}.`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ overview { positions { id } } }' }),
      });
      if (response.ok && searchable) return { url, readyMs: performance.now() - started, process: child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`The server on ${dir} did not answer within ${WAIT / 1000} s.`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });
}

/** The bare sigma page, bundled once, served on 127.0.0.1. */
async function startBarePage(): Promise<{ url: string; server: Server }> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests', 'bench', 'browser-bare-sigma.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>bare sigma</title>' +
    '<style>html,body{margin:0;height:100%}#sigma{width:100%;height:100%}</style></head>' +
    '<body><div id="sigma"></div><script type="module" src="/bare.js"></script></body></html>';
  const server = createServer((request, response) => {
    const js = request.url?.startsWith('/bare.js');
    response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
    response.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The bare page server has no address.');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * tsx (esbuild) wraps named functions in `__name(…)`; the functions this script hands the
 * page keep that call, so the page gets a no-op of that name.
 */
const DEFINE_NAME_HELPER = 'window.__name = (fn) => fn;';

/** Records when the canvas first reads data-graph-ready="true", in ms since navigation start. */
const RECORD_FIRST_FRAME = () => {
  const observer = new MutationObserver(() => {
    const ready = document.querySelector('[data-graph-ready="true"]');
    if (!ready) return;
    (window as unknown as { firstFrame: number }).firstFrame = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-graph-ready'] });
};

interface FirstFrame {
  /** Navigation → first drawn frame. */
  frame: number;
  /**
   * Navigation → the app asking for the graph (its script loaded and run), and → the graph's
   * data in, positions included (the client's performance marks; 0 on the bare page).
   */
  requested: number;
  dataIn: number;
  /** → the page rendered and sigma begun, and → sigma made (its constructor draws once, unseen). */
  canvasStart: number;
  canvasMade: number;
}

/** Navigation → first drawn frame, with the client's marks on the way (ms since navigation start). */
async function firstFrame(page: Page, url: string): Promise<FirstFrame> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstFrame?: number }).firstFrame, null, {
    timeout: WAIT,
  });
  return page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
    return {
      frame: (window as unknown as { firstFrame: number }).firstFrame,
      requested: mark('graph-data-requested'),
      dataIn: mark('graph-data-loaded'),
      canvasStart: mark('graph-canvas-start'),
      canvasMade: mark('graph-canvas-made'),
    };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The lower quartile, the median and the upper quartile (nearest rank). */
const quartiles = (values: number[]): [number, number, number] => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return [at(0.25), at(0.5), at(0.75)];
};

/** One first frame in a fresh context (nothing cached in the browser). */
async function freshFirstFrame(browser: Browser, url: string): Promise<FirstFrame> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(DEFINE_NAME_HELPER);
  await context.addInitScript(RECORD_FIRST_FRAME);
  try {
    return await firstFrame(await context.newPage(), url);
  } finally {
    await context.close();
  }
}

/**
 * The median of FIRST_FRAME_RUNS first frames of the explorer and of the bare page, taken in
 * turns (explorer, bare, explorer, …), so that both meet the same load on a shared machine;
 * and each turn's ratio, whose spread says how far the machine moved the medians' ratio.
 */
async function medianFirstFrames(
  browser: Browser,
  explorerUrl: string,
  bareUrl: string,
): Promise<{ explorer: FirstFrame; bare: FirstFrame; turnRatios: number[] }> {
  const explorerRuns: FirstFrame[] = [];
  const bareRuns: FirstFrame[] = [];
  for (let run = 0; run < FIRST_FRAME_RUNS; run += 1) {
    explorerRuns.push(await freshFirstFrame(browser, explorerUrl));
    bareRuns.push(await freshFirstFrame(browser, bareUrl));
  }
  const medianRun = (runs: FirstFrame[]) => {
    const frame = median(runs.map((run) => run.frame));
    return runs.find((run) => run.frame === frame)!;
  };
  const turnRatios = explorerRuns.map((run, turn) => run.frame / bareRuns[turn]!.frame);
  return { explorer: medianRun(explorerRuns), bare: medianRun(bareRuns), turnRatios };
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

interface CameraWork {
  /** Main-thread task time per wheel step and per frame drawn, ms. */
  perMove: number;
  perFrame: number;
  /** Of that, JavaScript per frame (reducers, sigma's own code; the WebGL drawing is mostly not JS). */
  scriptPerFrame: number;
}

/** Main-thread task time per wheel zoom step and per frame, over CAMERA_MOVES steps in and out. */
async function cameraWork(page: Page): Promise<CameraWork> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const metric = async (name: string) => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((candidate) => candidate.name === name)?.value ?? 0;
  };
  const taskSeconds = () => metric('TaskDuration');
  const renders = () =>
    page.evaluate(() => Number(document.querySelector('[data-render-count]')?.getAttribute('data-render-count') ?? 0));
  const box = (await page.locator('[data-graph-ready="true"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(500);
  const beforeTasks = await taskSeconds();
  const beforeScript = await metric('ScriptDuration');
  const beforeRenders = await renders();
  for (let move = 0; move < CAMERA_MOVES; move += 1) {
    await page.mouse.wheel(0, move % 2 === 0 ? -240 : 240);
    await page.waitForTimeout(600); // sigma's zoom animation (200–250 ms) and its last frame
  }
  const tasks = ((await taskSeconds()) - beforeTasks) * 1000;
  const script = ((await metric('ScriptDuration')) - beforeScript) * 1000;
  const frames = Math.max(1, (await renders()) - beforeRenders);
  await session.detach();
  return { perMove: tasks / CAMERA_MOVES, perFrame: tasks / frames, scriptPerFrame: script / frames };
}

interface Overview {
  dataset: { entityCount: number; relationCount: number };
  overview: { entities: { id: string; name: string; degree: number }[] };
}

async function api<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`The benchmark's API query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Click → the hub's neighbours drawn, in ms (measured in the page, polled every frame). */
async function expandLatency(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Expand neighbours' }).waitFor({ timeout: WAIT });
  return page.evaluate(
    (limit) =>
      new Promise<number>((resolve) => {
        const probe = window.explorerCanvas!;
        const before = probe.drawnNodes().length;
        const button = Array.from(document.querySelectorAll('button')).find(
          (candidate) => candidate.textContent === 'Expand neighbours',
        )!;
        const started = performance.now();
        button.click();
        const check = () => {
          const elapsed = performance.now() - started;
          if (probe.drawnNodes().length > before) resolve(elapsed);
          else if (elapsed > limit) resolve(Number.NaN);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    WAIT,
  );
}

/** Selecting the hub (as a link or Back would: the URL changes) → its panel lists relations, in ms; and the panel's DOM size. */
async function hubPanel(page: Page, hubId: string): Promise<{ ms: number; domNodes: number; rows: number }> {
  return page.evaluate(
    ({ id, limit }) =>
      new Promise<{ ms: number; domNodes: number; rows: number }>((resolve) => {
        const started = performance.now();
        window.history.pushState(null, '', `/?entity=${encodeURIComponent(id)}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
        const check = () => {
          const elapsed = performance.now() - started;
          const panel = document.querySelector('[aria-label="Entity details"]');
          const rows = panel?.querySelectorAll('button.relation-row').length ?? 0;
          if (panel && rows > 0) resolve({ ms: elapsed, domNodes: panel.querySelectorAll('*').length, rows });
          else if (elapsed > limit) resolve({ ms: Number.NaN, domNodes: 0, rows: 0 });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { id: hubId, limit: WAIT },
  );
}

interface Row {
  size: string;
  relations: number;
  serverReady: number;
  drawn: { nodes: number; edges: number };
  explorerFrame: FirstFrame;
  bareFrame: number;
  /** Each turn's explorer frame over its bare frame. */
  turnRatios: number[];
  expand: number | null;
  panel: { ms: number; domNodes: number; rows: number };
  hubDegree: number;
  heap: number;
  bareHeap: number;
  camera: CameraWork;
  bareCamera: CameraWork;
}

async function measure(size: Size, browser: Browser, bareUrl: string): Promise<Row> {
  const dir = await graphData(size);
  const server = await startProductionServer(dir);
  try {
    const { dataset, overview } = await api<Overview>(
      server.url,
      '{ dataset { entityCount relationCount } overview { entities { id name degree } } }',
    );
    const hub = overview.entities.reduce((best, entity) => (entity.degree > best.degree ? entity : best));

    // A first visit: what the explorer draws (the bare page draws as many), its heap, camera
    // work, hub panel and expansion; then the first frames, explorer and bare page in turns.
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(DEFINE_NAME_HELPER);
    await context.addInitScript(RECORD_FIRST_FRAME);
    const page = await context.newPage();
    await firstFrame(page, `${server.url}/`);
    await page.locator('[data-camera-settled="true"]').waitFor({ timeout: WAIT });
    const drawn = await page.evaluate(() => ({
      nodes: window.explorerCanvas!.drawnNodes().length,
      edges: window.explorerCanvas!.drawnEdges().length,
    }));
    const heap = await heapAfterGc(page);
    const camera = await cameraWork(page);
    const panel = await hubPanel(page, hub.id);
    const bounded = (await page.locator('[data-scope-note]').count()) > 0;
    const expand = bounded ? await expandLatency(page) : null;
    await context.close();

    const bareUrlOfSize = `${bareUrl}/?nodes=${drawn.nodes}&edges=${drawn.edges}`;
    const frames = await medianFirstFrames(browser, `${server.url}/`, bareUrlOfSize);
    const bareContext = await browser.newContext({ viewport: VIEWPORT });
    await bareContext.addInitScript(DEFINE_NAME_HELPER);
    await bareContext.addInitScript(RECORD_FIRST_FRAME);
    const bare = await bareContext.newPage();
    await firstFrame(bare, bareUrlOfSize);
    const bareHeap = await heapAfterGc(bare);
    const bareCamera = await cameraWork(bare);
    await bareContext.close();

    return {
      size: size.name,
      relations: dataset.relationCount,
      serverReady: server.readyMs,
      drawn,
      explorerFrame: frames.explorer,
      bareFrame: frames.bare.frame,
      turnRatios: frames.turnRatios,
      expand,
      panel,
      hubDegree: hub.degree,
      heap,
      bareHeap,
      camera,
      bareCamera,
    };
  } finally {
    await stopServer(server);
  }
}

const cameraCells = (work: CameraWork) =>
  [work.perMove, work.perFrame, work.scriptPerFrame].map((ms) => ms.toFixed(0)).join(', ');

/** The medians' ratio, then the median and quartiles of the turns' own ratios. */
function ratioCell(row: Row): string {
  const [lower, middle, upper] = quartiles(row.turnRatios).map((ratio) => ratio.toFixed(2));
  return `${(row.explorerFrame.frame / row.bareFrame).toFixed(2)}× (${middle}, ${lower}–${upper})`;
}

function printTable(rows: Row[]): void {
  const header = [
    'graph',
    'server idle',
    'drawn (nodes / edges)',
    'first frame (graph asked, data in, page rendered, canvas made)',
    'bare sigma',
    'ratio (turns: median, quartiles)',
    'expand hub',
    'hub panel (degree, rows, DOM)',
    'JS heap (bare)',
    'camera move: task ms/move, ms/frame, JS ms/frame (bare)',
  ];
  const lines = rows.map((row) => [
    `${row.size} (${row.relations.toLocaleString('en')} relations)`,
    seconds(row.serverReady),
    `${row.drawn.nodes} / ${row.drawn.edges}`,
    `${seconds(row.explorerFrame.frame)} (${[
      row.explorerFrame.requested,
      row.explorerFrame.dataIn,
      row.explorerFrame.canvasStart,
      row.explorerFrame.canvasMade,
    ]
      .map(seconds)
      .join(', ')})`,
    seconds(row.bareFrame),
    ratioCell(row),
    row.expand === null ? 'n/a (whole graph)' : seconds(row.expand),
    `${seconds(row.panel.ms)} (${row.hubDegree.toLocaleString('en')}, ${row.panel.rows}, ${row.panel.domNodes})`,
    `${megabytes(row.heap)} (${megabytes(row.bareHeap)})`,
    `${cameraCells(row.camera)} (${cameraCells(row.bareCamera)})`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  ensureChromium();
  ensureClientBuilt();
  if (!existsSync(join(ROOT, 'server', 'dist', 'main.js'))) {
    throw new Error('server/dist/main.js is missing: run `npm run build` first.');
  }
  const sizes = chosen.length > 0 ? SIZES.filter((size) => chosen.includes(size.name)) : SIZES;
  const bare = await startBarePage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  const version = browser.version();
  try {
    for (const size of sizes) {
      console.log(`measuring ${size.name} …`);
      rows.push(await measure(size, browser, bare.url));
    }
  } finally {
    await browser.close();
    bare.server.close();
  }
  console.log(
    `\nBrowser benchmark (headless Chromium ${version}, software WebGL, ${VIEWPORT.width}×${VIEWPORT.height})`,
  );
  printTable(rows);
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
