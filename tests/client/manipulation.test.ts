import { MultiDirectedGraph } from 'graphology';

import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../../client/src/core/graph-building';
import {
  addToSelection,
  bundleOf,
  entitiesInLasso,
  insidePolygon,
  intersectScopes,
  toggleInSelection,
} from '../../client/src/core/manipulation';

function graphOf(edges: [string, string, string][]): RenderGraph {
  const graph: RenderGraph = new MultiDirectedGraph<RenderNodeAttributes, RenderEdgeAttributes>();
  for (const [id, source, target] of edges) {
    for (const node of [source, target]) {
      if (!graph.hasNode(node))
        graph.addNode(node, { label: node, x: 0, y: 0, size: 1, color: '#000', entityType: 't', degree: 0 });
    }
    graph.addEdgeWithKey(id, source, target, {
      label: id,
      size: 1,
      color: '#000',
      type: 'line',
      curvature: 0,
      relationType: 'r',
      directed: true,
      corroboration: 1,
      statedPlainly: true,
    });
  }
  return graph;
}

describe('a bundle of parallel relations', () => {
  const graph = graphOf([
    ['ab1', 'a', 'b'],
    ['ab2', 'a', 'b'],
    ['ba1', 'b', 'a'],
    ['ac', 'a', 'c'],
  ]);
  const all = { entities: new Set(['a', 'b', 'c']), relations: new Set(['ab1', 'ab2', 'ba1', 'ac']) };

  it('holds every visible relation between the two entities, either way round, each once, the clicked first', () => {
    expect(bundleOf(graph, 'ba1', all)).toEqual(['ba1', 'ab1', 'ab2']);
    expect(bundleOf(graph, 'ac', all)).toEqual(['ac']);
  });

  it('leaves out the hidden ones', () => {
    expect(bundleOf(graph, 'ab1', { ...all, relations: new Set(['ab1', 'ac']) })).toEqual(['ab1']);
  });
});

describe('the lasso', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];
  it('encloses the points inside its loop and no others', () => {
    expect(insidePolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(insidePolygon({ x: 15, y: 5 }, square)).toBe(false);
    const positions = new Map([
      ['in', { x: 2, y: 8 }],
      ['out', { x: -1, y: 8 }],
    ]);
    expect(entitiesInLasso(positions, square)).toEqual(['in']);
    expect(entitiesInLasso(positions, square.slice(0, 2))).toEqual([]);
  });
});

describe('the multi-selection', () => {
  it('toggles one entity and adds a lasso’s, each once', () => {
    expect(toggleInSelection('a')([])).toEqual(['a']);
    expect(toggleInSelection('a')(['a', 'b'])).toEqual(['b']);
    expect(addToSelection(['b', 'c'])(['a', 'b'])).toEqual(['a', 'b', 'c']);
  });

  it('"show only these" within a focus keeps what both keep', () => {
    const focus = { entities: new Set(['a', 'b']), relations: new Set(['ab']) };
    const only = { entities: new Set(['b', 'c']), relations: new Set<string>() };
    expect(intersectScopes(focus, only)).toEqual({ entities: new Set(['b']), relations: new Set() });
    expect(intersectScopes(null, only)).toBe(only);
  });
});
