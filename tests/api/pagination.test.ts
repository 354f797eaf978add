import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

async function walk(field: 'entities' | 'relations', first: number, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result: { data?: Record<string, Page>; errors?: unknown } = await api.query(
      `query Page($first: Int, $after: String, $filter: ${field === 'entities' ? 'EntityFilter' : 'RelationFilter'}) {
        ${field}(first: $first, after: $after, filter: $filter) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
        }
      }`,
      { first, after, filter },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data![field]!;
    ids.push(...page.edges.map((edge) => edge.node.id));
    pages++;
    if (!page.pageInfo.hasNextPage) return { ids, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

describe('cursor pagination', () => {
  // Pages of 1 are one HTTP request per relation (200+): more than jest's default 5 s on a busy machine.
  it.each([1, 7, 50, 500])(
    'walks every relation exactly once in pages of %i',
    async (first) => {
      const { ids, pages, totalCount } = await walk('relations', first);
      expect(ids).toEqual(api.index.graph.edges().sort());
      expect(new Set(ids).size).toBe(api.index.graph.size);
      expect(totalCount).toBe(api.index.graph.size);
      expect(pages).toBe(Math.max(1, Math.ceil(api.index.graph.size / first)));
    },
    30_000,
  );

  it('walks every entity exactly once', async () => {
    const { ids } = await walk('entities', 13);
    expect(ids).toEqual(api.index.graph.nodes().sort());
  });

  it('walks a filtered list exactly once', async () => {
    const filter = { entity: 'isis-k' };
    const { ids, totalCount } = await walk('relations', 5, filter);
    expect(ids).toEqual([...api.index.relationsByEntity.get('isis-k')!]);
    expect(totalCount).toBe(ids.length);
  });

  it('resumes from any edge’s cursor, not only the end cursor', async () => {
    const first = await api.query(`{ relations(first: 10) { edges { cursor node { id } } } }`);
    const edges = first.data.relations.edges;
    const resumed = await api.query(
      `query($after: String) { relations(first: 3, after: $after) { edges { node { id } } } }`,
      {
        after: edges[4].cursor,
      },
    );
    expect(resumed.data.relations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      edges.slice(5, 8).map((e: { node: { id: string } }) => e.node.id),
    );
  });

  it('answers `first: 0` with no edges, the total count, and a next page to come', async () => {
    const { data } = await api.query(
      `{ relations(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(data.relations).toEqual({
      totalCount: api.index.graph.size,
      edges: [],
      pageInfo: { hasNextPage: true, endCursor: null },
    });
  });
});

describe('sorted pages (orderBy)', () => {
  it('walks every relation once by subject, descending, and says what it sorted by', async () => {
    const ids: string[] = [];
    const subjects: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: {
        data?: { relations: Omit<Page, 'edges'> & { edges: { node: { id: string; subject: { name: string } } }[] } };
        errors?: unknown;
      } = await api.query(
        `query ($after: String) {
          relations(first: 40, after: $after, orderBy: { field: SUBJECT, direction: DESC }) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id subject { name } } }
          }
        }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.relations;
      ids.push(...page.edges.map((edge) => edge.node.id));
      subjects.push(...page.edges.map((edge) => edge.node.subject.name.toLowerCase()));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(api.index.relationIds.length);
    expect(subjects).toEqual([...subjects].sort().reverse());
  });

  it('an unknown sort field is a validation error naming it', async () => {
    const { status, errors } = await api.query('{ relations(orderBy: { field: WEIGHT }) { totalCount } }');
    expect(status).toBe(400);
    expect(errors?.[0]?.message).toMatch(/WEIGHT/);
  });
});
