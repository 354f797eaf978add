import type { RelationRecord } from '../../server/data/model';
import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

async function relationIds(filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await api.query(
    `query($filter: RelationFilter) { relations(filter: $filter, first: 500) { totalCount edges { node { id } } } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  expect(data.relations.totalCount).toBe(data.relations.edges.length);
  return data.relations.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

async function entityIds(filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await api.query(
    `query($filter: EntityFilter) { entities(filter: $filter, first: 500) { totalCount edges { node { id } } } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  return data.entities.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

function expected(keep: (relation: RelationRecord) => boolean): string[] {
  return api.index.graph.filterEdges((_id, relation) => keep(relation)).sort();
}

describe('relation filters', () => {
  it('by types: only relations of those types', async () => {
    const ids = await relationIds({ types: ['enemy_of', 'fought'] });
    expect(ids).toEqual(expected((r) => r.type === 'enemy_of' || r.type === 'fought'));
    expect(ids).toContain('isis-k--enemy_of--taliban');
  });

  it('by entity: only relations with that entity at either end', async () => {
    const ids = await relationIds({ entity: 'taliban' });
    expect(ids).toEqual(expected((r) => r.subject === 'taliban' || r.object === 'taliban'));
  });

  it('by sources: only relations one of those sources cites', async () => {
    const sources = ['bbc-what-is-isis-k', 'who-are-isis-k-where-based'];
    const ids = await relationIds({ sources });
    expect(ids).toEqual(expected((r) => r.sourceIds.some((id) => sources.includes(id))));
  });

  it('by minSources: only relations at least that many sources support', async () => {
    const ids = await relationIds({ minSources: 3 });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected((r) => r.sourceIds.length >= 3));
  });

  it('all together: every part must hold', async () => {
    const filter = {
      types: ['enemy_of', 'fought', 'targeted'],
      entity: 'isis-k',
      minSources: 2,
      sources: ['cbc-isis-k-security-threat'],
    };
    const ids = await relationIds(filter);
    expect(ids).toEqual(
      expected(
        (r) =>
          filter.types.includes(r.type) &&
          (r.subject === 'isis-k' || r.object === 'isis-k') &&
          r.sourceIds.length >= 2 &&
          r.sourceIds.includes('cbc-isis-k-security-threat'),
      ),
    );
  });

  it('also narrow a neighbourhood and the paths', async () => {
    const { data } = await api.query(`{
      neighborhood(id: "isis-k", depth: 1, filter: { types: ["enemy_of"] }) { relations { type } }
      paths(from: "isis-k", to: "taliban", maxLength: 2, filter: { minSources: 3 }) { hops { relations { corroboration } } }
    }`);
    expect(data.neighborhood.relations.length).toBeGreaterThan(0);
    expect(data.neighborhood.relations.every((r: { type: string }) => r.type === 'enemy_of')).toBe(true);
    for (const path of data.paths) {
      for (const hop of path.hops) {
        for (const relation of hop.relations) expect(relation.corroboration).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('entity filters', () => {
  it('by types', async () => {
    const ids = await entityIds({ types: ['place'] });
    expect(ids).toEqual(api.index.graph.filterNodes((_id, entity) => entity.type === 'place').sort());
  });

  it('by text in a name or alias, whatever the case and accents', async () => {
    expect(await entityIds({ text: 'Khorasan Province' })).toEqual(['isis-k']);
    expect(await entityIds({ text: 'TĀLIBAN' })).toEqual(expect.arrayContaining(['taliban', 'ttp']));
  });

  it('by sources', async () => {
    const ids = await entityIds({ sources: ['who-are-isis-k-where-based'] });
    expect(ids).toEqual([...api.index.entitiesBySource.get('who-are-isis-k-where-based')!]);
  });
});
