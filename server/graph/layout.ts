/**
 * Laying out a set of entities
 * ============================
 *
 * ForceAtlas2 over the entities and relations to be drawn, run for a fixed number of
 * iterations from seeded positions (layout-seeds.ts): the same data gives the same picture.
 * Two phases, as one would lay out a network in Gephi: first the structure, then the same
 * forces with overlap prevention, so that entities lie far enough apart to be told apart
 * and named.
 *
 * The server lays out what the explorer draws first (overview-layout.ts), once per data
 * version, so that the browser draws at once instead of laying out before its first frame.
 * The iterations run in a worker thread (forceatlas2-worker.ts).
 */
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import helpers from 'graphology-layout-forceatlas2/helpers.js';

import { iterateInWorker } from './forceatlas2-worker';
import { seedPosition } from './layout-seeds';

export interface LayoutNode {
  id: string;
  /** The entity's radius in pixels, as the explorer draws it at the default zoom (entityRadius). */
  size: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export type LayoutPositions = Map<string, { x: number; y: number }>;

type LayoutGraph = Graph<{ x: number; y: number; size: number }>;

/**
 * The width, in pixels, that a whole layout is drawn in at the default zoom (a laptop's
 * canvas, less sigma's padding). It turns node sizes, which are pixels, into layout units
 * for overlap prevention; a bigger canvas only adds room.
 */
export const REFERENCE_CANVAS_WIDTH = 560;
/** Room kept around each entity's disc in the second phase, in pixels: about a label's height between neighbours. */
export const NODE_MARGIN = 10;

/** The smallest and largest radius the explorer draws an entity with, in pixels. */
const MIN_RADIUS = 4;
const MAX_RADIUS = 18;

/**
 * The radius an entity is drawn with, growing with the square root of its degree (the
 * explorer's nodeSize, client/src/core/graph-building/appearance.ts; a test holds the two
 * equal): the room overlap prevention keeps around it.
 */
export function entityRadius(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.max(0, degree) / maxDegree);
}

/**
 * ForceAtlas2's settings inferred from the graph's size (strong gravity, so the picture
 * stays round and fills the canvas whichever way it is turned), with two changes:
 * - hubs are dissuaded (outbound attraction distribution): a relation pulls less on the
 *   entity with more relations, so each organisation gathers its own people, places and
 *   attacks instead of everything piling onto the hub that touches most of the graph;
 * - no slow-down: the inferred one (1 + ln n) is meant to steady big graphs, and leaves a
 *   small one still expanding from its seeds after thousands of iterations.
 */
export function layoutSettings(nodeCount: number): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(nodeCount),
    outboundAttractionDistribution: true,
    slowDown: 1,
    barnesHutOptimize: nodeCount > 400,
  };
}

/**
 * Iterations of the structure phase; the overlap phase runs a quarter as many more. Small
 * graphs get many, since they are cheap (about 0.4 s for a hundred entities); bigger ones
 * fewer, with Barnes-Hut (about 0.9 s of CPU for the 500 entities of an overview).
 */
export function layoutIterations(nodeCount: number): number {
  if (nodeCount <= 200) return 2000;
  if (nodeCount <= 1000) return 500;
  return 150;
}

/**
 * `iterations` of ForceAtlas2 over `graph`, positions written back: what forceAtlas2.assign
 * does, with its own helpers, but with the iterations run in a worker thread.
 */
async function forceAtlas2Phase(graph: LayoutGraph, iterations: number, settings: ForceAtlas2Settings): Promise<void> {
  const options = { ...DEFAULT_SETTINGS, ...settings };
  const invalid = helpers.validateSettings(options);
  if (invalid) throw new Error(`graphology-layout-forceatlas2: ${invalid.message}`);
  const matrices = helpers.graphToByteArrays(graph, () => 1);
  helpers.assignLayoutChanges(graph, await iterateInWorker(options, matrices, iterations), null);
}

/**
 * What a layout is computed from beyond its nodes and edges: the code's version (raise it when
 * a change to this file or layout-seeds.ts moves any position) and the settings it derives.
 * Layouts kept on disk (layout-cache.ts) are named by it, so a changed layout is computed anew.
 */
const LAYOUT_VERSION = 1;

export function layoutParameters(nodeCount: number) {
  return {
    version: LAYOUT_VERSION,
    settings: layoutSettings(nodeCount),
    iterations: layoutIterations(nodeCount),
    canvasWidth: REFERENCE_CANVAS_WIDTH,
    nodeMargin: NODE_MARGIN,
  };
}

/**
 * The layout of `nodes` and `edges`. Nodes and edges are laid out in the order given (sort
 * them: the order is part of what makes the picture the same every time).
 */
export async function computeLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<LayoutPositions> {
  const graph: LayoutGraph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
  for (const node of nodes) graph.addNode(node.id, { ...seedPosition(node.id, nodes.length), size: node.size });
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  if (graph.order === 0) return new Map();
  const settings = layoutSettings(graph.order);
  const iterations = layoutIterations(graph.order);
  await forceAtlas2Phase(graph, iterations, settings);

  // Overlap prevention works in layout units: give each node its drawn radius plus a margin,
  // at the scale the layout will be drawn.
  const extent = layoutExtent(graph);
  if (extent > 0) {
    const unitsPerPixel = extent / REFERENCE_CANVAS_WIDTH;
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      size: (attributes.size + NODE_MARGIN) * unitsPerPixel,
    }));
    await forceAtlas2Phase(graph, Math.ceil(iterations / 4), { ...settings, adjustSizes: true });
  }

  const positions: LayoutPositions = new Map();
  graph.forEachNode((node, attributes) => positions.set(node, { x: attributes.x, y: attributes.y }));
  return positions;
}

/** The larger side of the layout's bounding box. */
function layoutExtent(graph: LayoutGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_node, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return Math.max(maxX - minX, maxY - minY);
}
