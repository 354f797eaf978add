/**
 * ForceAtlas2 over the whole graph, run for a fixed number of iterations from seeded
 * positions: the same data gives the same picture. Pure, so it runs the same in the
 * layout worker, on the main thread as a fallback, and in unit tests.
 *
 * Two phases, as one would lay out a network in Gephi: first the structure, then the same
 * forces with overlap prevention, so that entities lie far enough apart to be told apart
 * and named.
 */
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

export interface LayoutInput {
  /** `size` is the entity's radius in pixels, as drawn at the default zoom. */
  nodes: { id: string; x: number; y: number; size: number }[];
  edges: { source: string; target: string }[];
  /** Iterations of the structure phase, when the caller sets its own budget (a bounded view's overview). */
  iterations?: number;
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

type LayoutGraph = Graph<{ x: number; y: number; size: number }>;

/**
 * The width, in pixels, that a whole layout is drawn in at the default zoom (a laptop's
 * canvas, less sigma's padding). It turns node sizes, which are pixels, into layout units
 * for overlap prevention; a bigger canvas only adds room.
 */
export const REFERENCE_CANVAS_WIDTH = 560;
/** Room kept around each entity's disc in the second phase, in pixels: about a label's height between neighbours. */
export const NODE_MARGIN = 10;

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
 * graphs get many, since they are cheap (about 0.4 s for a hundred entities in a worker);
 * bigger ones fewer, with Barnes-Hut, to stay within a few seconds.
 */
export function layoutIterations(nodeCount: number): number {
  if (nodeCount <= 200) return 2000;
  if (nodeCount <= 1000) return 500;
  return 150;
}

export function computeLayout(input: LayoutInput): LayoutPositions {
  const graph: LayoutGraph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
  for (const node of input.nodes) graph.addNode(node.id, { x: node.x, y: node.y, size: node.size });
  for (const edge of input.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  if (graph.order === 0) return {};
  const settings = layoutSettings(graph.order);
  const iterations = input.iterations ?? layoutIterations(graph.order);
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });

  // Overlap prevention works in layout units: give each node its drawn radius plus a margin,
  // at the scale the layout will be drawn.
  const extent = layoutExtent(graph);
  if (extent > 0) {
    const unitsPerPixel = extent / REFERENCE_CANVAS_WIDTH;
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      size: (attributes.size + NODE_MARGIN) * unitsPerPixel,
    }));
    forceAtlas2.assign(graph, {
      iterations: Math.ceil(iterations / 4),
      settings: { ...settings, adjustSizes: true },
      getEdgeWeight: null,
    });
  }

  const positions: LayoutPositions = {};
  graph.forEachNode((node, attributes) => {
    positions[node] = { x: attributes.x, y: attributes.y };
  });
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
