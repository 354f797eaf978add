/**
 * The baseline page of the browser benchmark (tests/bench/browser.ts): sigma and graphology
 * alone, no React, no API, drawing `?nodes=N&edges=M` seeded random nodes and edges with
 * sigma's default settings. Bundled by the benchmark with esbuild and served by it. It marks
 * its first drawn frame the way the explorer's canvas does (`data-graph-ready="true"` on the
 * container after sigma's first render) and counts renders in `data-render-count`.
 */
import Graph from 'graphology';
import Sigma from 'sigma';

const params = new URLSearchParams(window.location.search);
const nodes = Number(params.get('nodes') ?? 500);
const edges = Number(params.get('edges') ?? 0);

// A small seeded generator (mulberry32), so every run draws the same picture.
let seed = 9;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const graph = new Graph({ multi: true });
for (let index = 0; index < nodes; index += 1) {
  graph.addNode(`n${index}`, { x: random() * 100, y: random() * 100, size: 3 + random() * 6, label: `Node ${index}` });
}
for (let index = 0; index < edges && nodes > 1; index += 1) {
  const source = Math.floor(random() * nodes);
  let target = Math.floor(random() * nodes);
  if (target === source) target = (target + 1) % nodes;
  graph.addEdge(`n${source}`, `n${target}`, { size: 1 });
}

const container = document.getElementById('sigma')!;
container.dataset.graphReady = 'false';
const sigma = new Sigma(graph, container);
let renders = 0;
sigma.on('afterRender', () => {
  renders += 1;
  container.dataset.renderCount = String(renders);
  container.dataset.graphReady = 'true';
});
sigma.scheduleRender();
