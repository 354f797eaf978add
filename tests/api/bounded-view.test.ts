import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('the API for a bounded view of a large graph', () => {
  it('dataset: the title and description graph-data gives itself, with its size', async () => {
    const { data, errors } = await api.query(
      '{ dataset { title description entityCount relationCount sourceCount claimCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data.dataset).toEqual({
      title: api.knowledgeGraph.dataset!.title,
      description: api.knowledgeGraph.dataset!.description,
      entityCount: api.index.graph.order,
      relationCount: api.index.graph.size,
      sourceCount: api.knowledgeGraph.sources.size,
      claimCount: api.knowledgeGraph.claims.size,
    });
    expect(data.dataset.title.length).toBeGreaterThan(0);
  });

  it('overview: "N of M entities shown", the relations only among those shown', async () => {
    const { data, errors } = await api.query(`{
      overview(maxEntities: 12, maxRelations: 20) {
        totalEntities totalRelations truncated
        entities { id }
        relations { id subject { id } object { id } }
      }
    }`);
    expect(errors).toBeUndefined();
    const view = data.overview;
    expect(view.entities).toHaveLength(12);
    expect(view.totalEntities).toBe(api.index.graph.order);
    expect(view.totalRelations).toBe(api.index.graph.size);
    expect(view.truncated).toBe(true);
    const shown = new Set(view.entities.map((entity: { id: string }) => entity.id));
    expect(view.relations.length).toBeGreaterThan(0);
    expect(view.relations.length).toBeLessThanOrEqual(20);
    for (const relation of view.relations) {
      expect(shown.has(relation.subject.id) && shown.has(relation.object.id)).toBe(true);
    }
  });

  it('overview: the server places every entity shown, in id order, the same way every time', async () => {
    const query = `{ overview(maxEntities: 12, maxRelations: 20) { entities { id } positions { id x y } } }`;
    const { data, errors } = await api.query(query);
    expect(errors).toBeUndefined();
    const ids = data.overview.entities.map((entity: { id: string }) => entity.id);
    const positions: { id: string; x: number; y: number }[] = data.overview.positions;
    expect(positions.map((place) => place.id)).toEqual([...ids].sort());
    for (const { x, y } of positions) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(new Set(positions.map(({ x, y }) => `${x},${y}`)).size).toBe(positions.length);
    expect((await api.query(query)).data.overview.positions).toEqual(positions);
  });

  it('overview: sizes out of range are BAD_USER_INPUT naming the argument', async () => {
    for (const [query, argument] of [
      ['{ overview(maxEntities: 0) { truncated } }', 'maxEntities'],
      ['{ overview(maxEntities: 2001) { truncated } }', 'maxEntities'],
      ['{ overview(maxRelations: -1) { truncated } }', 'maxRelations'],
    ] as const) {
      const { errors } = await api.query(query);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it("expand: an entity's neighbours a page at a time, with counts by type, following cursors", async () => {
    const page = (after: string | null) =>
      api.query(
        `query($after: String) { entity(id: "isis-k") { degree relations(first: 5, after: $after) {
          totalCount countsByType { type count } countsByEntityType { type count }
          pageInfo { hasNextPage endCursor } edges { cursor neighbor { id } node { id corroboration } }
        } } }`,
        { after },
      );
    const seen: string[] = [];
    let after: string | null = null;
    let corroboration = Infinity;
    for (let pages = 0; pages < 100; pages++) {
      const { data, errors } = await page(after);
      expect(errors).toBeUndefined();
      const relations = data.entity.relations;
      expect(relations.totalCount).toBe(data.entity.degree);
      const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0);
      expect(sum(relations.countsByType)).toBe(data.entity.degree);
      expect(sum(relations.countsByEntityType)).toBe(data.entity.degree);
      for (const edge of relations.edges) {
        expect(edge.node.corroboration).toBeLessThanOrEqual(corroboration);
        corroboration = edge.node.corroboration;
        seen.push(edge.node.id);
      }
      if (!relations.pageInfo.hasNextPage) break;
      after = relations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(api.index.relationsByEntity.get('isis-k')!.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('expand: a page larger than 500 or a foreign cursor is BAD_USER_INPUT', async () => {
    const big = await api.query('{ entity(id: "isis-k") { relations(first: 501) { totalCount } } }');
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const bad = await api.query('{ entity(id: "isis-k") { relations(after: "bm9wZQ") { totalCount } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
