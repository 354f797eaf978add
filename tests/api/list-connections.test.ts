/**
 * Every list of the API that grows with the graph is a cursor connection in the shape of
 * `Entity.relations`: pages follow `endCursor` through the whole list once, in a stable order,
 * each with the same `totalCount`; `first` and `after` out of bounds are BAD_USER_INPUT naming
 * the argument.
 */
import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Record<string, unknown> }[];
}

/**
 * Each list as a query with `$first` and `$after`, the path to its connection in the answer,
 * and what one node is known by (to compare orders).
 */
const LISTS: { name: string; query: string; path: string[]; key: string }[] = [
  {
    name: 'Query.sources',
    query:
      'query($first: Int, $after: String) { list: sources(first: $first, after: $after) { ...P node: edges { node { id } } } }',
    path: ['list'],
    key: 'id',
  },
  {
    name: 'Query.sources by citations',
    query:
      'query($first: Int, $after: String) { list: sources(orderBy: CITATIONS, first: $first, after: $after) { ...P node: edges { node { id } } } }',
    path: ['list'],
    key: 'id',
  },
  {
    name: 'Query.disagreements',
    query:
      'query($first: Int, $after: String) { list: disagreements(first: $first, after: $after) { ...P node: edges { node { attribute entity { id } } } } }',
    path: ['list'],
    key: 'attribute',
  },
  ...(['claims', 'sources', 'disagreements', 'timeline'] as const).map((field) => ({
    name: `Entity.${field}`,
    query: `query($first: Int, $after: String) { entity(id: "isis-k") { list: ${field}(first: $first, after: $after) { ...P node: edges { node { __typename } } } } }`,
    path: ['entity', 'list'],
    key: '__typename',
  })),
  ...(['citations', 'relations', 'claims', 'entities'] as const).map((field) => ({
    name: `Source.${field}`,
    query: `query($first: Int, $after: String) { source(id: "bbc-what-is-isis-k") { list: ${field}(first: $first, after: $after) { ...P node: edges { node { __typename } } } } }`,
    path: ['source', 'list'],
    key: '__typename',
  })),
  ...(['onlyA', 'onlyB', 'both'] as const).map((field) => ({
    name: `SourceComparison.${field}`,
    query: `query($first: Int, $after: String) { compareSources(a: "bbc-what-is-isis-k", b: "cbc-isis-k-security-threat") { list: ${field}(first: $first, after: $after) { ...P node: edges { node { id } } } } }`,
    path: ['compareSources', 'list'],
    key: 'id',
  })),
];

const PAGE_FIELDS = 'fragment P on Connection { totalCount pageInfo { hasNextPage endCursor } edges { cursor } }';

/** The document with the fragment on the list's own connection type (GraphQL has no shared interface here). */
async function ask(list: (typeof LISTS)[number], variables: Record<string, unknown>) {
  const withFragment = (type: string) => `${list.query} ${PAGE_FIELDS.replace('Connection', type)}`;
  for (const type of [
    'SourceConnection',
    'DisagreementConnection',
    'ClaimConnection',
    'RelationConnection',
    'CitationConnection',
    'EntityConnection',
  ]) {
    const result = await api.query(withFragment(type), variables);
    const typeMismatch = result.errors?.some((error) => /cannot be spread here/.test(error.message));
    if (!typeMismatch) return result;
  }
  throw new Error(`No connection type fits ${list.name}`);
}

function pageOf(data: unknown, path: string[]): Page & { node: { node: Record<string, unknown> }[] } {
  return path.reduce((value: unknown, key) => (value as Record<string, unknown>)[key], data) as never;
}

describe('every growable list is a cursor connection', () => {
  it.each(LISTS.map((list) => [list.name, list] as const))(
    '%s: pages of 2 walk the whole list once, in the order of one big page, each with the same total',
    async (_, list) => {
      const whole = await ask(list, { first: 500 });
      expect(whole.errors).toBeUndefined();
      const all = pageOf(whole.data, list.path);
      expect(all.edges).toHaveLength(all.totalCount);
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(all.totalCount).toBeGreaterThan(0);

      const cursors: string[] = [];
      const nodes: unknown[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const result = await ask(list, { first: 2, after });
        expect(result.errors).toBeUndefined();
        const page = pageOf(result.data, list.path);
        expect(page.totalCount).toBe(all.totalCount);
        expect(page.edges.length).toBeLessThanOrEqual(2);
        cursors.push(...page.edges.map((edge) => edge.cursor));
        nodes.push(...page.node.map((edge) => edge.node[list.key]));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(cursors).toEqual(all.edges.map((edge) => edge.cursor));
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(nodes).toEqual(all.node.map((edge) => edge.node[list.key]));
    },
    30_000,
  );

  it.each(LISTS.map((list) => [list.name, list] as const))(
    '%s: `first` out of 0..500 and a foreign `after` are BAD_USER_INPUT naming the argument',
    async (_, list) => {
      for (const first of [-1, 501]) {
        const { errors } = await ask(list, { first });
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
        expect(errors?.[0]?.message).toMatch(/`first` must be an integer from 0 to 500/);
      }
      const { errors } = await ask(list, { first: 5, after: 'YWZ0ZXI6bm8tc3VjaC1pdGVt' });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(errors?.[0]?.message).toMatch(/`after` is not a cursor of this list/);
    },
  );

  it('`first: 0` answers the total and no edges', async () => {
    const { data, errors } = await api.query(
      '{ sources(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.sources).toEqual({
      totalCount: api.knowledgeGraph.sources.size,
      edges: [],
      pageInfo: { hasNextPage: true },
    });
  });
});

describe('Query.sources searches and ranks', () => {
  it('text keeps the sources whose title or publisher contains it; the most cited come first', async () => {
    const { data, errors } = await api.query(
      '{ bbc: sources(text: "bbc") { totalCount edges { node { id } } } ranked: sources(orderBy: CITATIONS, first: 500) { edges { node { id citationCount } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.bbc.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['bbc-what-is-isis-k']);
    const counts = data.ranked.edges.map((edge: { node: { citationCount: number } }) => edge.node.citationCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('a text over 200 characters is refused before the search runs, naming `text`', async () => {
    const { status, errors } = await api.query('query($t: String) { sources(text: $t) { totalCount } }', {
      t: 'x'.repeat(201),
    });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });
});
