import { computeVisibility, DEFAULT_FILTERS, sourceSupportScope } from '../../client/src/core/filters';
import { buildRenderGraph, QUALIFIED_EDGE_COLOR } from '../../client/src/core/graph-building';
import { shapeGraphData } from '../../client/src/core/graph-data';
import {
  computeEmphasis,
  createEdgeReducer,
  createNodeReducer,
  DIM_NODE_COLOR,
  highlightingFor,
  highlightSettings,
  PATH_EDGE_COLOR,
  withPath,
  type HighlightInput,
} from '../../client/src/core/highlight';
import { entityPage, fixtureGraph, overview, relationPage, supportedByFixtureSources } from './fixtures';

const data = fixtureGraph();
const graph = buildRenderGraph(data);
const everything = computeVisibility(data, DEFAULT_FILTERS);
const base: HighlightInput = {
  visibility: everything,
  selection: null,
  hoveredEntity: null,
  hoveredRelation: null,
  path: null,
  zoomedIn: false,
  comparison: null,
};

function display(input: HighlightInput) {
  const emphasis = computeEmphasis(graph, input);
  const node = createNodeReducer(input, emphasis);
  const edge = createEdgeReducer(input, emphasis);
  return {
    node: (id: string) => node(id, graph.getNodeAttributes(id)),
    edge: (id: string) => edge(id, graph.getEdgeAttributes(id)),
  };
}

describe('edge labels', () => {
  it('are looked for only when some can be drawn: zoomed in, or something emphasised', () => {
    const labelled = (input: HighlightInput) =>
      graph.edges().filter((id) => display(input).edge(id).label != null).length;
    expect(highlightSettings(graph, base).renderEdgeLabels).toBe(false);
    expect(labelled(base)).toBe(0);
    for (const input of [
      { ...base, zoomedIn: true },
      { ...base, hoveredEntity: 'leader' },
      { ...base, selection: { kind: 'relation' as const, id: 'r-leader' } },
    ]) {
      expect(highlightSettings(graph, input).renderEdgeLabels).toBe(true);
      expect(labelled(input)).toBeGreaterThan(0);
    }
  });
});

describe('highlightingFor', () => {
  it('gives the emphasis and the settings that draw it, from one input', () => {
    const hovered = { ...base, hoveredEntity: 'leader' };
    const { emphasis, settings } = highlightingFor(graph, hovered);
    expect(emphasis).toEqual(computeEmphasis(graph, hovered));
    expect(settings.renderEdgeLabels).toBe(true);
    expect(settings.nodeReducer('isis-k', graph.getNodeAttributes('isis-k'))).toEqual(display(hovered).node('isis-k'));
    expect(highlightingFor(graph, base)).toMatchObject({ emphasis: null, settings: { renderEdgeLabels: false } });
  });
});

describe('highlight reducers', () => {
  it('hovering a node keeps its neighbours bright and dims the rest', () => {
    const { node, edge } = display({ ...base, hoveredEntity: 'leader' });
    expect(node('leader').color).toBe(graph.getNodeAttribute('leader', 'color'));
    expect(node('isis-k').color).toBe(graph.getNodeAttribute('isis-k', 'color'));
    expect(node('taliban').color).toBe(DIM_NODE_COLOR);
    expect(node('taliban').label).toBeNull();
    expect(edge('r-leader').forceLabel).toBe(true);
    expect(edge('r-enemy').label).toBeNull();
  });

  it('filtered-out items are hidden, not removed', () => {
    const visibility = computeVisibility(
      data,
      { ...DEFAULT_FILTERS, sources: ['bbc'] },
      sourceSupportScope(data, supportedByFixtureSources(['bbc'])),
    );
    const { node, edge } = display({ ...base, visibility });
    expect(node('leader').hidden).toBe(true);
    expect(edge('r-leader').hidden).toBe(true);
    expect(node('isis-k').hidden).toBeFalsy();
    expect(graph.order).toBe(5);
  });

  it('the selected entity is highlighted and its label forced', () => {
    const { node } = display({ ...base, selection: { kind: 'entity', id: 'nangarhar' } });
    expect(node('nangarhar')).toMatchObject({ highlighted: true, forceLabel: true });
    expect(node('leader').color).toBe(DIM_NODE_COLOR);
  });

  it('a path takes its own colour and is always shown, even through filtered-out entities', () => {
    const path = { entities: new Set(['leader', 'isis-k']), relations: new Set(['r-leader']) };
    const filtered = computeVisibility(
      data,
      { ...DEFAULT_FILTERS, sources: ['bbc'] },
      sourceSupportScope(data, supportedByFixtureSources(['bbc'])),
    );
    const { node, edge } = display({ ...base, visibility: withPath(filtered, path), path });
    expect(edge('r-leader').color).toBe(PATH_EDGE_COLOR);
    expect(node('leader').hidden).toBeFalsy();
    expect(node('taliban').color).toBe(DIM_NODE_COLOR);
  });

  it('an emphasised relation stated only in someone’s words or hedged keeps its own colour', () => {
    const qualified = buildRenderGraph(
      shapeGraphData(overview, entityPage, [{ ...relationPage[0]!, statedPlainly: false }, ...relationPage.slice(1)]),
    );
    const input: HighlightInput = { ...base, hoveredEntity: 'isis-k' };
    const edge = createEdgeReducer(input, computeEmphasis(qualified, input));
    const id = relationPage[0]!.id;
    expect(edge(id, qualified.getEdgeAttributes(id)).color).toBe(QUALIFIED_EDGE_COLOR);
    const plain = relationPage[1]!.id;
    expect(edge(plain, qualified.getEdgeAttributes(plain)).color).not.toBe(QUALIFIED_EDGE_COLOR);
  });

  it('edge labels wait for the zoom unless forced', () => {
    expect(display(base).edge('r-enemy').label).toBeNull();
    expect(display({ ...base, zoomedIn: true }).edge('r-enemy').label).toBe('enemy of');
  });

  it('reducers never write the graph', () => {
    const before = JSON.stringify(graph.export());
    const { node, edge } = display({
      ...base,
      hoveredEntity: 'isis-k',
      selection: { kind: 'relation', id: 'r-enemy' },
    });
    graph.forEachNode((id) => node(id));
    graph.forEachEdge((id) => edge(id));
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
