/**
 * Layout: the render graph's nodes and edges as the layout's input, and the layout itself
 * (pure; bindings/layout runs it in a worker).
 */
import type { RenderGraph } from '../graph-building';
import type { LayoutInput } from './compute-layout';

export { computeLayout, layoutIterations, REFERENCE_CANVAS_WIDTH } from './compute-layout';
export type { LayoutInput, LayoutPositions } from './compute-layout';

export function layoutInput(graph: RenderGraph): LayoutInput {
  return {
    nodes: graph.mapNodes((id, attributes) => ({ id, x: attributes.x, y: attributes.y, size: attributes.size })),
    edges: graph.mapEdges((_id, _attributes, source, target) => ({ source, target })),
  };
}
