/**
 * ForceAtlas2 over the whole graph, run for a fixed number of iterations from seeded
 * positions: the same data gives the same picture. Pure, so it runs the same in the
 * layout worker, on the main thread as a fallback, and in unit tests.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutInput {
  nodes: { id: string; x: number; y: number; size: number }[];
  edges: { source: string; target: string }[];
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

/** Iterations scale down with size: a few hundred nodes settle well under a second. */
export function layoutIterations(nodeCount: number): number {
  if (nodeCount <= 200) return 800;
  if (nodeCount <= 1000) return 400;
  return 150;
}

export function computeLayout(input: LayoutInput): LayoutPositions {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
  for (const node of input.nodes) graph.addNode(node.id, { x: node.x, y: node.y, size: node.size });
  for (const edge of input.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target);
  }
  if (graph.order === 0) return {};
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    // Hubs (ISIS-K) spread their attraction over their many relations, so leaves fan out
    // around them instead of piling up; gravity keeps small components from drifting away.
    linLogMode: true,
    outboundAttractionDistribution: false,
    gravity: 1,
    scalingRatio: 6,
    strongGravityMode: false,
    adjustSizes: true,
    barnesHutOptimize: graph.order > 400,
  };
  return forceAtlas2(graph, { iterations: layoutIterations(graph.order), settings, getEdgeWeight: null });
}
