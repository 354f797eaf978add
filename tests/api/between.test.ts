import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const BETWEEN = `
  query ($a: ID!, $b: ID!, $filter: RelationFilter, $first: Int, $after: String) {
    between(a: $a, b: $b, filter: $filter) {
      a { id }
      b { id }
      relations { id type subject { id } object { id } }
      relationGroups { type label directed relations { id citations { quote start end source { id } } } }
      paths(maxLength: 3, first: $first, after: $after) {
        totalCount
        totalCountExact
        pageInfo { hasNextPage endCursor }
        edges { cursor node { length entities { id } } }
      }
    }
  }`;

describe('between over HTTP', () => {
  it('returns every relation between ISIS-K and the Taliban, as many as the graph holds', async () => {
    const expected = api.index.graph.edges('isis-k', 'taliban');
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const { data, errors } = await api.query(BETWEEN, { a: 'isis-k', b: 'taliban' });
    expect(errors).toBeUndefined();
    const ids = data.between.relations.map((relation: { id: string }) => relation.id);
    expect(ids.sort()).toEqual([...expected].sort());
    const grouped = data.between.relationGroups.flatMap((group: { relations: { id: string }[] }) =>
      group.relations.map((relation) => relation.id),
    );
    expect(grouped.sort()).toEqual([...expected].sort());
  });

  it('gives each relation its citations, each quote found at its offsets', async () => {
    const { data } = await api.query(BETWEEN, { a: 'taliban', b: 'isis-k' });
    for (const group of data.between.relationGroups) {
      for (const relation of group.relations) {
        expect(relation.citations.length).toBeGreaterThan(0);
        for (const citation of relation.citations) {
          const text = api.knowledgeGraph.sources.get(citation.source.id)!.text;
          expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
        }
      }
    }
  });

  it('gives the paths through others with their total, and pages them', async () => {
    const { data } = await api.query(BETWEEN, { a: 'isis-k', b: 'taliban', first: 5 });
    const paths = data.between.paths;
    expect(paths.edges).toHaveLength(5);
    expect(paths.totalCount).toBeGreaterThan(5);
    expect(paths.totalCountExact).toBe(true);
    expect(paths.pageInfo.hasNextPage).toBe(true);
    for (const edge of paths.edges) expect(edge.node.length).toBeGreaterThanOrEqual(2);
    const next = await api.query(BETWEEN, { a: 'isis-k', b: 'taliban', first: 5, after: paths.pageInfo.endCursor });
    const nextRoutes = next.data.between.paths.edges.map((edge: { cursor: string }) => edge.cursor);
    expect(nextRoutes).not.toContain(paths.edges[0].cursor);
    expect(next.data.between.paths.totalCount).toBe(paths.totalCount);
  });

  it('follows the filter', async () => {
    const { data } = await api.query(BETWEEN, { a: 'isis-k', b: 'taliban', filter: { types: ['enemy_of'] } });
    expect(data.between.relations.map((relation: { type: string }) => relation.type)).toEqual(['enemy_of']);
  });

  it('answers a bad pair with BAD_USER_INPUT naming the argument', async () => {
    const unknown = await api.query(BETWEEN, { a: 'isis-k', b: 'nobody' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
    const same = await api.query(BETWEEN, { a: 'isis-k', b: 'isis-k' });
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
  });
});

const PATHS = `
  query ($first: Int, $after: String) {
    pathsConnection(from: "isis-k", to: "haqqani-network", maxLength: 3, first: $first, after: $after) {
      totalCount
      totalCountExact
      pageInfo { hasNextPage endCursor }
      edges { cursor node { length entities { id } } }
    }
    paths(from: "isis-k", to: "haqqani-network", maxLength: 3, first: 50) { entities { id } }
  }`;

const route = (path: { entities: { id: string }[] }) => path.entities.map((entity) => entity.id).join(' > ');

describe('pathsConnection over HTTP', () => {
  it('says how many paths there are when it shows 10 (ISIS-K to the Haqqani network), and pages to the rest', async () => {
    const { data, errors } = await api.query(PATHS, { first: 10 });
    expect(errors).toBeUndefined();
    const all = data.paths.map(route);
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThan(50); // `paths(first: 50)` holds every path
    const page = data.pathsConnection;
    expect(page.edges).toHaveLength(10);
    expect(page.totalCount).toBe(all.length);
    expect(page.totalCountExact).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(true);

    const rest = (await api.query(PATHS, { first: 50, after: page.pageInfo.endCursor })).data.pathsConnection;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...page.edges, ...rest.edges].map((edge: { node: never }) => route(edge.node))).toEqual(all);
  });

  it('refuses a cursor it did not make and a minLength out of range, naming the argument', async () => {
    const badCursor = await api.query(PATHS, { first: 10, after: 'nope' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const badLength = await api.query(
      `{ pathsConnection(from: "isis-k", to: "taliban", minLength: 9) { totalCount } }`,
    );
    expect(badLength.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minLength' });
  });
});
