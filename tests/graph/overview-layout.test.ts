/**
 * The server's layout of what the explorer draws first: the shipped graph whole (its
 * overview at any size that holds every entity), laid out once, the same every time;
 * related entities together and no entity hiding another at the size the explorer draws it.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

import { nodeSize } from '../../client/src/core/graph-building';
import type { GraphIndex } from '../../server/graph/indexes';
import {
  computeLayout,
  entityRadius,
  layoutIterations,
  layoutSettings,
  type LayoutNode,
  type LayoutPositions,
  NODE_MARGIN,
  REFERENCE_CANVAS_WIDTH,
} from '../../server/graph/layout';
import { seedPosition } from '../../server/graph/layout-seeds';
import { overview } from '../../server/graph/overview';
import { type EntityPositionRecord, overviewLayoutInput, overviewPositions } from '../../server/graph/overview-layout';
import { shippedGraphIndex } from './shipped-graph';

let index: GraphIndex;
let positions: EntityPositionRecord[];
beforeAll(async () => {
  index = await shippedGraphIndex();
  positions = await overviewPositions(index, overview(index, 2000, 10_000));
}, 30_000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the layout of the shipped graph', () => {
  it('places every entity once, in id order', () => {
    expect(positions.map((place) => place.id)).toEqual([...index.entityIds].sort());
    for (const { x, y } of positions) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('is laid out once: every overview size that holds the whole graph gets the same positions', async () => {
    const whole = overview(index, index.graph.order, index.graph.size);
    expect(whole.truncated).toBe(false);
    await expect(overviewPositions(index, whole)).resolves.toBe(positions);
  });

  it('draws related entities together: a relation is under half the distance between two entities', () => {
    const at = new Map(positions.map((place) => [place.id, place]));
    const distance = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    const ids = positions.map((place) => place.id);
    const anyTwo = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => distance(a, b)));
    const related = index.graph.mapEdges((_edge, _attributes, source, target) => distance(source, target));
    expect(median(related)).toBeLessThan(median(anyTwo) / 2);
  });

  it('keeps every two entities apart, with room for a name between them, at the size the explorer draws them', () => {
    const maxDegree = Math.max(...positions.map((place) => index.relationsByEntity.get(place.id)?.length ?? 0));
    const radius = (id: string) => nodeSize(index.relationsByEntity.get(id)?.length ?? 0, maxDegree);
    const xs = positions.map(({ x }) => x);
    const ys = positions.map(({ y }) => y);
    const pixels =
      REFERENCE_CANVAS_WIDTH / Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    let closest = Infinity;
    for (const [i, a] of positions.entries()) {
      for (const b of positions.slice(i + 1)) {
        const gap = Math.hypot(a.x - b.x, a.y - b.y) * pixels - radius(a.id) - radius(b.id);
        closest = Math.min(closest, gap);
      }
    }
    expect(closest).toBeGreaterThanOrEqual(NODE_MARGIN);
  });

  it('keeps around each entity the radius the explorer draws it with', () => {
    for (const maxDegree of [0, 1, 7, 130, 7592]) {
      for (const degree of [0, 1, 2, 5, 50, 129, 7592]) {
        expect(entityRadius(degree, maxDegree)).toBe(nodeSize(degree, maxDegree));
      }
    }
  });
});

describe('the layout, its iterations in a worker thread', () => {
  it('gives the picture forceAtlas2.assign gives on the main thread, phase by phase', async () => {
    const { nodes, edges } = overviewLayoutInput(index, overview(index, 40, 200));
    // The reference: graphology's own one-call layout, with the same two phases.
    const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
    for (const node of nodes) graph.addNode(node.id, { ...seedPosition(node.id, nodes.length), size: node.size });
    for (const edge of edges) graph.addEdge(edge.source, edge.target);
    const settings = layoutSettings(graph.order);
    const iterations = layoutIterations(graph.order);
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
    const xs = graph.mapNodes((_node, { x }) => x as number);
    const ys = graph.mapNodes((_node, { y }) => y as number);
    const unitsPerPixel =
      Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / REFERENCE_CANVAS_WIDTH;
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      size: ((attributes.size as number) + NODE_MARGIN) * unitsPerPixel,
    }));
    forceAtlas2.assign(graph, {
      iterations: Math.ceil(iterations / 4),
      settings: { ...settings, adjustSizes: true },
      getEdgeWeight: null,
    });

    const inWorker = await computeLayout(nodes, edges);
    expect(Object.fromEntries(inWorker)).toEqual(
      Object.fromEntries(graph.mapNodes((node, { x, y }) => [node, { x, y }])),
    );
  });

  it('seeds positions from ids alone', () => {
    expect(seedPosition('isis-k', 100)).toEqual(seedPosition('isis-k', 100));
    expect(seedPosition('isis-k', 100)).not.toEqual(seedPosition('taliban', 100));
  });

  it('gathers each group of related entities and keeps the groups apart, the same way every time', async () => {
    // Two groups of six, everyone related within a group, and one relation between them.
    const groups = ['a', 'b'].map((group) => Array.from({ length: 6 }, (_, i) => `${group}${i}`));
    const edges = groups.flatMap((ids) =>
      ids.flatMap((source, i) => ids.slice(i + 1).map((target) => ({ source, target }))),
    );
    edges.push({ source: 'a0', target: 'b0' });
    const nodes: LayoutNode[] = groups.flat().map((id) => ({ id, size: 5 }));
    const laidOut: LayoutPositions = await computeLayout(nodes, edges);
    const distance = (a: string, b: string) =>
      Math.hypot(laidOut.get(a)!.x - laidOut.get(b)!.x, laidOut.get(a)!.y - laidOut.get(b)!.y);
    const mean = (pairs: [string, string][]) => pairs.reduce((sum, [a, b]) => sum + distance(a, b), 0) / pairs.length;
    const [a, b] = groups as [string[], string[]];
    const pairsWithin = [a, b].flatMap((ids) =>
      ids.flatMap((x, i) => ids.slice(i + 1).map((y): [string, string] => [x, y])),
    );
    const pairsAcross = a.flatMap((x) => b.map((y): [string, string] => [x, y]));
    expect(mean(pairsAcross)).toBeGreaterThan(2 * mean(pairsWithin));
    await expect(computeLayout(nodes, edges)).resolves.toEqual(laidOut);
  });
});
