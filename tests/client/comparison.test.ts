import {
  classifyComparison,
  clearCompare,
  compareLoadedRelations,
  isCompareComplete,
  setCompareSource,
  swapCompareSources,
} from '../../client/src/core/comparison';
import { computeVisibility, DEFAULT_FILTERS } from '../../client/src/core/filters';
import { buildRenderGraph } from '../../client/src/core/graph-building';
import {
  COMPARE_COLORS,
  computeEmphasis,
  createEdgeReducer,
  createNodeReducer,
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  type HighlightInput,
} from '../../client/src/core/highlight';
import { fixtureGraph } from './fixtures';

const data = fixtureGraph();
const ends = (id: string) => {
  const relation = data.relationById.get(id);
  return relation ? ([relation.subjectId, relation.objectId] as const) : undefined;
};

// In the fixture, "bbc" cites r-enemy, r-operates and r-fought; "other" cites r-enemy, r-affiliate and r-leader.
const bbcAndOther = { onlyA: ['r-operates', 'r-fought'], onlyB: ['r-affiliate', 'r-leader'], both: ['r-enemy'] };

describe('source comparison state', () => {
  it('choosing both sources completes it; swapping exchanges them; clearing ends it', () => {
    const a = setCompareSource('a', 'bbc')(null);
    expect(a).toEqual({ a: 'bbc', b: null });
    expect(isCompareComplete(a)).toBe(false);
    const both = setCompareSource('b', 'other')(a);
    expect(isCompareComplete(both)).toBe(true);
    expect(swapCompareSources()(both)).toEqual({ a: 'other', b: 'bbc' });
    expect(clearCompare()(both)).toBeNull();
    expect(setCompareSource('a', null)(a)).toBeNull();
  });

  it('the same source on both sides is not a comparison', () => {
    expect(isCompareComplete({ a: 'bbc', b: 'bbc' })).toBe(false);
  });
});

describe('comparison highlight classification', () => {
  it('puts each relation on its side and counts them', () => {
    const { relations, counts } = classifyComparison(bbcAndOther, ends);
    expect(Object.fromEntries(relations)).toEqual({
      'r-operates': 'a',
      'r-fought': 'a',
      'r-affiliate': 'b',
      'r-leader': 'b',
      'r-enemy': 'both',
    });
    expect(counts).toEqual({ a: 2, b: 2, both: 1 });
  });

  it('an entity is on one side only when all its compared relations are', () => {
    const { entities } = classifyComparison(bbcAndOther, ends);
    expect(entities.get('nangarhar')).toBe('a');
    expect(entities.get('islamic-state')).toBe('b');
    expect(entities.get('leader')).toBe('b');
    expect(entities.get('isis-k')).toBe('both');
    expect(entities.get('taliban')).toBe('both');
  });

  it('the loaded relations split by their source ids the way the API splits them', () => {
    // By id, as the API orders each part.
    const byId = (ids: readonly string[]) => [...ids].sort();
    expect(compareLoadedRelations(data.relations, 'bbc', 'other')).toEqual({
      onlyA: byId(bbcAndOther.onlyA),
      onlyB: byId(bbcAndOther.onlyB),
      both: byId(bbcAndOther.both),
    });
    expect(compareLoadedRelations(data.relations, 'other', 'bbc')).toEqual({
      onlyA: byId(bbcAndOther.onlyB),
      onlyB: byId(bbcAndOther.onlyA),
      both: byId(bbcAndOther.both),
    });
  });

  it('relations the loaded graph does not hold are left out, not guessed', () => {
    const { relations, counts } = classifyComparison({ onlyA: ['r-operates', 'r-gone'], onlyB: [], both: [] }, ends);
    expect([...relations.keys()]).toEqual(['r-operates']);
    expect(counts.a).toBe(1);
  });

  it('the graph colours compared relations by side and fades the rest', () => {
    const graph = buildRenderGraph(data);
    const comparison = classifyComparison({ onlyA: ['r-operates'], onlyB: ['r-leader'], both: [] }, ends);
    const input: HighlightInput = {
      visibility: computeVisibility(data, DEFAULT_FILTERS),
      selection: null,
      hoveredEntity: null,
      hoveredRelation: null,
      path: null,
      zoomedIn: false,
      comparison,
    };
    const emphasis = computeEmphasis(graph, input);
    const edge = (id: string) => createEdgeReducer(input, emphasis)(id, graph.getEdgeAttributes(id));
    const node = (id: string) => createNodeReducer(input, emphasis)(id, graph.getNodeAttributes(id));
    expect(edge('r-operates').color).toBe(COMPARE_COLORS.a);
    expect(edge('r-leader').color).toBe(COMPARE_COLORS.b);
    expect(edge('r-enemy').color).toBe(DIM_EDGE_COLOR);
    expect(node('nangarhar').color).toBe(graph.getNodeAttribute('nangarhar', 'color'));
    expect(node('islamic-state').color).toBe(DIM_NODE_COLOR);
  });
});
