/**
 * The default picture of the shipped graph, loaded through the real API: related entities
 * lie together, and no entity hides another once drawn.
 */
import { createApiClient } from '../../client/src/api/client';
import { loadGraphData } from '../../client/src/api/load-graph';
import { buildRenderGraph, type RenderGraph } from '../../client/src/core/graph-building';
import { computeLayout, layoutInput, type LayoutPositions, REFERENCE_CANVAS_WIDTH } from '../../client/src/core/layout';
import { NODE_MARGIN } from '../../client/src/core/layout/compute-layout';
import { startServer, type RunningServer } from '../../server/api/server';

let server: RunningServer;
let graph: RenderGraph;
let positions: LayoutPositions;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  graph = buildRenderGraph(await loadGraphData(createApiClient(`${server.url}/graphql`)));
  positions = computeLayout(layoutInput(graph));
}, 30_000);
afterAll(() => server.close());

const distance = (a: string, b: string) =>
  Math.hypot(positions[a]!.x - positions[b]!.x, positions[a]!.y - positions[b]!.y);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the layout of the shipped graph', () => {
  it('draws related entities together: a relation is under half the distance between two entities', () => {
    const ids = graph.nodes();
    const anyTwo = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => distance(a, b)));
    const related = graph.mapEdges((_edge, _attributes, source, target) => distance(source, target));
    expect(median(related)).toBeLessThan(median(anyTwo) / 2);
  });

  it('keeps every two entities apart, with room for a name between them, at the width it is drawn in', () => {
    const xs = Object.values(positions).map(({ x }) => x);
    const ys = Object.values(positions).map(({ y }) => y);
    const pixels =
      REFERENCE_CANVAS_WIDTH / Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const ids = graph.nodes();
    let closest = Infinity;
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) {
        const gap = distance(a, b) * pixels - graph.getNodeAttribute(a, 'size') - graph.getNodeAttribute(b, 'size');
        closest = Math.min(closest, gap);
      }
    }
    expect(closest).toBeGreaterThanOrEqual(NODE_MARGIN);
  });
});
