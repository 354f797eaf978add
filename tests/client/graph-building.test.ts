import {
  buildRenderGraph,
  entityTypeColors,
  edgeColor,
  nodeSize,
  parallelEdgeCurvatures,
  renderGraphOf,
  QUALIFIED_EDGE_COLOR,
} from '../../client/src/core/graph-building';
import { shapeGraphData } from '../../client/src/core/graph-data';
import { entityPage, fixtureGraph, overview, relationPage } from './fixtures';

describe('shaping API pages into the data graph', () => {
  it('sorts entities and relations by id, whatever order the pages came in', () => {
    const data = fixtureGraph();
    expect(data.entities.map((entity) => entity.id)).toEqual([
      'isis-k',
      'islamic-state',
      'leader',
      'nangarhar',
      'taliban',
    ]);
    expect(data.relations.map((relation) => relation.id)).toEqual([
      'r-affiliate',
      'r-enemy',
      'r-fought',
      'r-leader',
      'r-operates',
    ]);
    const reversed = shapeGraphData(overview, [...entityPage].reverse(), [...relationPage].reverse());
    expect(reversed.entities).toEqual(data.entities);
    expect(reversed.relations).toEqual(data.relations);
  });

  it("a relation's sources are its citations' distinct sources", () => {
    const data = fixtureGraph();
    expect(data.relationById.get('r-enemy')?.sourceIds).toEqual(['bbc', 'other']);
    expect(data.relationById.get('r-fought')?.sourceIds).toEqual(['bbc']);
  });

  it('relations naming an unknown entity are set aside, not drawn', () => {
    const stray = { ...relationPage[0]!, id: 'r-stray', object: { id: 'atlantis' } };
    const data = shapeGraphData(overview, entityPage, [...relationPage, stray]);
    expect(data.relationById.has('r-stray')).toBe(false);
    expect(data.danglingRelationIds).toEqual(['r-stray']);
  });
});

describe('entities whose ids every object inherits', () => {
  // "constructor" is a valid entity id; graphology keeps neighbours in tables keyed by id.
  const named = (id: string) => ({ ...entityPage[1]!, id, name: id });
  const linked = (id: string, subject: string, object: string) => ({
    ...relationPage[1]!,
    id,
    subject: { id: subject },
    object: { id: object },
  });
  const data = shapeGraphData(
    overview,
    [...entityPage, named('constructor')],
    [...relationPage, linked('r-c1', 'isis-k', 'constructor'), linked('r-c2', 'isis-k', 'constructor')],
  );

  it('take relations like any other, drawn as parallel edges', () => {
    const graph = buildRenderGraph(data);
    expect(graph.edges('isis-k', 'constructor').sort()).toEqual(['r-c1', 'r-c2']);
    expect(graph.inDegree('constructor')).toBe(2);
    expect(graph.getEdgeAttribute('r-c1', 'curvature')).not.toBe(0);
  });

  it('take relations when they join the graph later (an expansion), and after the edges are cleared', () => {
    const graph = buildRenderGraph(shapeGraphData(overview, entityPage, relationPage));
    graph.addNode('constructor', { ...graph.getNodeAttributes('isis-k') });
    const lateAttributes = graph.getEdgeAttributes('r-operates');
    graph.addDirectedEdgeWithKey('r-late', 'constructor', 'isis-k', { ...lateAttributes });
    expect(graph.outEdges('constructor')).toEqual(['r-late']);
    graph.clearEdges();
    graph.addDirectedEdgeWithKey('r-again', 'taliban', 'constructor', { ...lateAttributes });
    expect(graph.inEdges('constructor')).toEqual(['r-again']);
  });

  it('keep graphology’s internal node tables in the shape the guard relies on', () => {
    const nodes = (buildRenderGraph(data) as unknown as { _nodes: Map<string, Record<string, object>> })._nodes;
    expect(nodes).toBeInstanceOf(Map);
    for (const table of ['in', 'out']) expect(Object.getPrototypeOf(nodes.get('isis-k')![table])).toBeNull();
    expect(Object.keys(nodes.get('isis-k')!.out!).sort()).toEqual([
      'constructor',
      'islamic-state',
      'nangarhar',
      'taliban',
    ]);
  });
});

describe('the render graph', () => {
  const data = fixtureGraph();
  const graph = buildRenderGraph(data);

  it('is a multi directed graph with one node per entity and one edge per relation', () => {
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    const between = graph.filterEdges(
      (_edge, _attributes, source, target) => [source, target].sort().join() === 'isis-k,taliban',
    );
    expect(between.sort()).toEqual(['r-enemy', 'r-fought']);
  });

  it('colours nodes by entity type and sizes them by degree', () => {
    const isisk = graph.getNodeAttributes('isis-k');
    expect(isisk.color).toBe(graph.getNodeAttribute('taliban', 'color'));
    expect(isisk.color).not.toBe(graph.getNodeAttribute('leader', 'color'));
    expect(isisk.size).toBe(nodeSize(4, 4));
    expect(isisk.size).toBeGreaterThan(graph.getNodeAttribute('taliban', 'size'));
  });

  it('draws arrows only on directed relations', () => {
    expect(graph.getEdgeAttribute('r-leader', 'type')).toBe('arrow');
    expect(graph.getEdgeAttribute('r-operates', 'type')).toBe('arrow');
    expect(graph.getEdgeAttribute('r-enemy', 'type')).toBe('curved');
    expect(graph.getEdgeAttribute('r-fought', 'type')).toBe('curved');
  });

  it('curves parallel relations apart, whichever way they are written, and leaves lone ones straight', () => {
    expect(graph.getEdgeAttribute('r-leader', 'curvature')).toBe(0);
    const a = graph.getEdgeAttribute('r-enemy', 'curvature');
    const b = graph.getEdgeAttribute('r-fought', 'curvature');
    expect(a).not.toBe(0);
    // Written in opposite directions, equal signed curvatures bend to opposite sides.
    expect(a).toBeCloseTo(b);
  });

  it('fans a bundle out symmetrically with the middle edge straight', () => {
    const curvatures = parallelEdgeCurvatures([
      { id: 'a', source: 'x', target: 'y' },
      { id: 'b', source: 'x', target: 'y' },
      { id: 'c', source: 'x', target: 'y' },
    ]);
    expect(curvatures.get('b')).toBe(0);
    expect(curvatures.get('a')).toBeCloseTo(-(curvatures.get('c') ?? 0));
  });

  it('keeps data attributes apart from drawing: labels are names and relation labels', () => {
    expect(graph.getNodeAttribute('isis-k', 'label')).toBe('ISIS-K');
    expect(graph.getEdgeAttributes('r-leader')).toMatchObject({
      label: 'leader of',
      relationType: 'leader_of',
      corroboration: 1,
    });
  });
});

describe('renderGraphOf', () => {
  it('builds one render graph per loaded graph, the one buildRenderGraph builds', () => {
    const data = fixtureGraph();
    const graph = renderGraphOf(data);
    expect(renderGraphOf(data)).toBe(graph);
    expect(graph.export()).toEqual(buildRenderGraph(data).export());
    expect(renderGraphOf(fixtureGraph())).not.toBe(graph);
  });
});

describe('positions', () => {
  it('draws each entity where the server laid it out', () => {
    const data = { ...fixtureGraph(), positions: new Map([['isis-k', { x: 1, y: 2 }]]) };
    const graph = buildRenderGraph(data);
    expect(graph.getNodeAttributes('isis-k')).toMatchObject({ x: 1, y: 2 });
  });
});

describe('relations stated only in someone’s words or with a hedge', () => {
  it('are drawn in their own colour, whatever their corroboration, and plain ones by corroboration', () => {
    expect(edgeColor(1, false)).toBe(QUALIFIED_EDGE_COLOR);
    expect(edgeColor(4, false)).toBe(QUALIFIED_EDGE_COLOR);
    expect(edgeColor(4, true)).toBe(edgeColor(4));
    expect(edgeColor(1, true)).not.toBe(QUALIFIED_EDGE_COLOR);
  });

  it('take that colour on the render graph from the relation’s statedPlainly', () => {
    const data = shapeGraphData(overview, entityPage, [
      { ...relationPage[0]!, statedPlainly: false },
      ...relationPage.slice(1),
    ]);
    const graph = buildRenderGraph(data);
    expect(graph.getEdgeAttribute(relationPage[0]!.id, 'color')).toBe(QUALIFIED_EDGE_COLOR);
    expect(graph.getEdgeAttribute(relationPage[1]!.id, 'color')).not.toBe(QUALIFIED_EDGE_COLOR);
  });
});

describe('entity type colours', () => {
  it('keep the well-known types’ colours, then the palette, then never repeat one', () => {
    const types = [
      { id: 'person' },
      ...Array.from({ length: 60 }, (_, index) => ({ id: `added-type-${index}` })),
      { id: 'organization' },
    ];
    const colors = entityTypeColors(types);
    expect(colors.get('person')).toBe('#d1495b');
    expect(colors.get('organization')).toBe('#3b6fb6');
    expect(colors.get('added-type-0')).toBe('#2a9d8f');
    const all = [...colors.values()];
    expect(all).toHaveLength(types.length);
    expect(new Set(all).size).toBe(all.length);
    // Hex, as sigma's programs read colours, and dark enough to read on white.
    for (const color of all) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
      expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(200);
    }
  });
});
