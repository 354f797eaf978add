import { type GraphIndex, buildGraphIndex } from '../../server/graph/indexes';
import { overview, prepareOverview, storedRanking } from '../../server/graph/overview';
import { byCorroboration } from '../../server/graph/relations';
import { shippedGraphIndex } from './shipped-graph';
import { syntheticGraph } from '../support/in-memory-graph';

let index: GraphIndex;
beforeAll(async () => {
  index = await shippedGraphIndex();
});

/** An entity's support: its relations' distinct sources, summed. */
const support = (entityId: string) =>
  (index.relationsByEntity.get(entityId) ?? []).reduce(
    (sum, id) => sum + index.graph.getEdgeAttribute(id, 'sourceIds').length,
    0,
  );

describe('the overview of a graph too large to draw', () => {
  test('"10 of N entities shown": the ten most supported entities, with the totals of the graph', () => {
    const view = overview(index, 10, 15);
    expect(view.entities).toHaveLength(10);
    expect(view.totalEntities).toBe(index.graph.order);
    expect(view.totalRelations).toBe(index.graph.size);
    expect(view.truncated).toBe(true);
    const weakestShown = Math.min(...view.entities.map((entity) => support(entity.id)));
    const shown = new Set(view.entities.map((entity) => entity.id));
    for (const id of index.entityIds) if (!shown.has(id)) expect(support(id)).toBeLessThanOrEqual(weakestShown);
    expect(view.entities[0]!.id).toBe('isis-k');
  });

  test('entities are ranked by support, then degree, then id, whatever the budget', () => {
    const degree = (entityId: string) => index.relationsByEntity.get(entityId)?.length ?? 0;
    const expected = [...index.entityIds].sort(
      (a, b) => support(b) - support(a) || degree(b) - degree(a) || (a < b ? -1 : 1),
    );
    // One entity fewer than the graph: the ranking's order, cut just before its last entity.
    const all = overview(index, index.graph.order - 1, 1).entities.map((entity) => entity.id);
    expect(all).toEqual(expected.slice(0, -1));
    expect(new Set(expected.map(support)).size).toBeGreaterThan(3);
  });

  test('relations join two shown entities, best supported first, at most maxRelations', () => {
    const view = overview(index, 10, 15);
    const shown = new Set(view.entities.map((entity) => entity.id));
    expect(view.relations.length).toBeGreaterThan(0);
    expect(view.relations.length).toBeLessThanOrEqual(15);
    for (const relation of view.relations) {
      expect(shown.has(relation.subject) && shown.has(relation.object)).toBe(true);
    }
    expect([...view.relations].sort(byCorroboration)).toEqual(view.relations);
    const among = index.relationIds.filter((id) => {
      const relation = index.graph.getEdgeAttributes(id);
      return shown.has(relation.subject) && shown.has(relation.object);
    });
    expect(view.relations).toHaveLength(Math.min(15, among.length));
  });

  test('a budget larger than the graph shows it whole, and says nothing is hidden', () => {
    const view = overview(index, 2000, 10000);
    expect(view.entities).toHaveLength(index.graph.order);
    expect(view.relations).toHaveLength(index.graph.size);
    expect(view.truncated).toBe(false);
  });
});

describe('the ranking a snapshot keeps', () => {
  test('an index given the stored ranking of its graph shows the overview it ranks itself', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const ranked = buildGraphIndex(knowledgeGraph);
    const stored = storedRanking(ranked);
    const given = buildGraphIndex(knowledgeGraph);
    prepareOverview(given, stored);
    expect(storedRanking(given)).toBe(stored);
    expect(overview(given, 100, 300)).toEqual(overview(ranked, 100, 300));
  });

  test('a ranking that does not order every entity of the index once is ignored', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const expected = overview(buildGraphIndex(knowledgeGraph), 100, 300);
    const ranking = storedRanking(buildGraphIndex(knowledgeGraph));
    const reversed = ranking.slice().reverse();
    for (const foreign of [
      storedRanking(buildGraphIndex(syntheticGraph(1_999, 10_000, 40))),
      ranking.map(() => 0),
      Array.from(ranking),
      'not a ranking',
    ]) {
      const index = buildGraphIndex(knowledgeGraph);
      prepareOverview(index, foreign);
      expect(overview(index, 100, 300)).toEqual(expected);
    }
    // A stored ranking is taken as it is: the checks above are what keeps a wrong one out.
    const trusted = buildGraphIndex(knowledgeGraph);
    prepareOverview(trusted, reversed);
    expect(overview(trusted, 100, 300)).not.toEqual(expected);
  });
});
