import { claimsOfEntity, entitiesPage, entityById, sourcesOfEntity } from '../../server/graph/entities';
import { buildGraphIndex } from '../../server/graph/indexes';
import type { GraphIndex } from '../../server/graph/indexes';
import type { EntityFilter } from '../../server/graph/entities';
import type { EntityRecord } from '../../server/data/model';
import { everyPage } from './every-page';
import { shippedGraphIndex } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

function allPages(index: GraphIndex, filter: EntityFilter, first: number): EntityRecord[] {
  const entities: EntityRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = entitiesPage(index, filter, { first, after });
    entities.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return entities;
    after = page.pageInfo.endCursor;
  }
}

describe('entities', () => {
  it('are found by id, and an unknown id gives null', async () => {
    const index = await shippedGraphIndex();
    expect(entityById(index, 'isis-k')?.name).toBe('ISIS-K');
    expect(entityById(index, 'no-such-entity')).toBeNull();
  });

  it('page through the whole graph in id order, each exactly once', async () => {
    const index = await shippedGraphIndex();
    const ids = allPages(index, {}, 7).map((entity) => entity.id);
    expect(ids).toEqual(index.graph.nodes().sort());
    expect(entitiesPage(index, {}, { first: 1 }).totalCount).toBe(index.graph.order);
  });

  it('filter by type', async () => {
    const index = await shippedGraphIndex();
    const people = allPages(index, { types: ['person'] }, 10);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((entity) => entity.type === 'person')).toBe(true);
    expect(people.length).toBe(index.graph.filterNodes((_id, entity) => entity.type === 'person').length);
  });

  it('filter by text in names and aliases, ignoring case and accents', async () => {
    const index = await shippedGraphIndex();
    const ids = allPages(index, { text: 'KĀBUL' }, 50).map((entity) => entity.id);
    expect(ids).toContain('kabul');
    const byAlias = allPages(index, { text: 'iskp' }, 50).map((entity) => entity.id);
    expect(byAlias).toEqual(['isis-k']);
  });

  it('filter by source: the entities of the relations and claims a source supports', async () => {
    const index = await shippedGraphIndex();
    const sourceId = 'bbc-what-is-isis-k';
    const expected = new Set<string>();
    index.graph.forEachEdge((_id, relation) => {
      if (relation.sourceIds.includes(sourceId)) expected.add(relation.subject).add(relation.object);
    });
    for (const claim of index.knowledgeGraph.claims.values()) {
      if (claim.sourceIds.includes(sourceId)) expected.add(claim.entity);
    }
    const ids = allPages(index, { sources: [sourceId] }, 20).map((entity) => entity.id);
    expect(ids).toEqual([...expected].sort());
  });

  it('combine filters: every part must hold', async () => {
    const index = await shippedGraphIndex();
    const page = entitiesPage(index, { types: ['place'], sources: ['bbc-what-is-isis-k'], text: 'a' }, { first: 500 });
    for (const { node } of page.edges) {
      expect(node.type).toBe('place');
      expect(index.entitiesBySource.get('bbc-what-is-isis-k')).toContain(node.id);
    }
    expect(page.totalCount).toBe(page.edges.length);
  });

  it('filter by ids and sources: which of the entities named a source supports, reading only those', async () => {
    const index = await shippedGraphIndex();
    const sourceId = 'bbc-what-is-isis-k';
    const supported = new Set(index.entitiesBySource.get(sourceId));
    const named = index.graph.nodes().filter((_id, position) => position % 3 === 0);
    const ids = [...named, named[0]!];
    const page = entitiesPage(index, { ids, sources: [sourceId] }, { first: 100 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(named.filter((id) => supported.has(id)).sort());
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.edges.length).toBeLessThan(named.length);
    expect(entitiesPage(index, { ids: ['kabul', 'isis-k'] }, { first: 10 }).edges.map((edge) => edge.node.id)).toEqual([
      'isis-k',
      'kabul',
    ]);
    expect(entitiesPage(index, { ids: [] }, { first: 10 }).totalCount).toBe(0);
  });

  it('an empty list of types matches nothing, an absent one everything', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(entitiesPage(index, { types: [] }, { first: 10 }).totalCount).toBe(0);
    expect(entitiesPage(index, { types: null }, { first: 10 }).totalCount).toBe(7);
  });

  it('carry their claims and the sources behind them', async () => {
    const index = await shippedGraphIndex();
    const claims = everyPage((page) => claimsOfEntity(index, 'isis-k', page), 2);
    expect(claims.nodes.length).toBeGreaterThan(2);
    expect(claims.nodes.every((claim) => claim.entity === 'isis-k')).toBe(true);
    // By attribute, then value, then id: the order the panel groups them in, the same on every page.
    expect(claims.nodes).toEqual(everyPage((page) => claimsOfEntity(index, 'isis-k', page), 500).nodes);
    const key = (claim: { attribute: string; value: string; id: string }) => [claim.attribute, claim.value, claim.id];
    for (let i = 1; i < claims.nodes.length; i++) {
      const [a, b] = [key(claims.nodes[i - 1]!), key(claims.nodes[i]!)];
      expect(a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!)))).toBe(true);
    }
    const sources = everyPage((page) => sourcesOfEntity(index, 'isis-k', page), 2).nodes.map((source) => source.id);
    expect(sources).toEqual([...index.knowledgeGraph.sources.keys()].sort());
  });
});
