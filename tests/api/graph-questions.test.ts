import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('how is ISIS-K connected to the Taliban?', () => {
  it('directly as enemies, and through the Haqqani network', async () => {
    const { data, errors } = await api.query(`{
      paths(from: "isis-k", to: "taliban", maxLength: 2, first: 50) {
        length
        entities { id }
        hops { relations { type sources { id } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const routes = data.paths.map((p: { entities: { id: string }[] }) => p.entities.map((e) => e.id).join(' > '));
    expect(routes[0]).toBe('isis-k > taliban');
    expect(data.paths[0].hops[0].relations.map((r: { type: string }) => r.type)).toContain('enemy_of');
    expect(routes).toContain('isis-k > haqqani-network > taliban');
    const lengths = data.paths.map((p: { length: number }) => p.length);
    expect(lengths).toEqual([...lengths].sort((a: number, b: number) => a - b));
  });
});

describe('the neighbourhood over HTTP', () => {
  it.each([1, 2])('at depth %i counts what the graph holds around ISIS-K', async (depth) => {
    const { data } = await api.query(
      `query($depth: Int) { neighborhood(id: "isis-k", depth: $depth, limit: 5000) { truncated entities { id } relations { id } } }`,
      { depth },
    );
    const { graph } = api.index;
    const reached = new Set(['isis-k']);
    let frontier = ['isis-k'];
    for (let hop = 0; hop < depth; hop++) {
      frontier = frontier.flatMap((node) => graph.neighbors(node).filter((n) => !reached.has(n) && reached.add(n)));
    }
    const relations = graph.filterEdges((_id, _r, source, target) => reached.has(source) && reached.has(target));
    expect(data.neighborhood.entities).toHaveLength(reached.size);
    expect(data.neighborhood.relations).toHaveLength(relations.length);
    expect(data.neighborhood.truncated).toBe(false);
  });

  it('says when `limit` cut it', async () => {
    const { data } = await api.query(
      `{ neighborhood(id: "isis-k", depth: 2, limit: 5) { truncated relations { id } } }`,
    );
    expect(data.neighborhood).toMatchObject({ truncated: true });
    expect(data.neighborhood.relations).toHaveLength(5);
  });
});

describe('every edge is traced to the sentence that supports it', () => {
  it('each relation citation’s quote is exactly source.text.slice(start, end)', async () => {
    const { data } = await api.query(`{
      sources(first: 10) { totalCount edges { node { id text } } }
      relations(first: 500) { totalCount edges { node { id citations { quote start end source { id } } } } }
    }`);
    expect(data.sources.edges).toHaveLength(data.sources.totalCount);
    const texts = new Map(
      data.sources.edges.map(({ node }: { node: { id: string; text: string } }) => [node.id, node.text]),
    );
    expect(data.relations.edges).toHaveLength(data.relations.totalCount);
    let checked = 0;
    for (const { node } of data.relations.edges) {
      expect(node.citations.length).toBeGreaterThan(0);
      for (const citation of node.citations) {
        expect((texts.get(citation.source.id) as string).slice(citation.start, citation.end)).toBe(citation.quote);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('and so does every claim citation, read from its source', async () => {
    const { data: list } = await api.query(`{ sources(first: 500) { edges { node { id } } } }`);
    let total = 0;
    for (const { node } of list.sources.edges as { node: { id: string } }[]) {
      const { data } = await api.query(
        `query($id: ID!) { source(id: $id) { text citations(first: 500) { totalCount edges { node { quote start end claim { id } relation { id } } } } } }`,
        { id: node.id },
      );
      const source = data.source;
      expect(source.citations.edges).toHaveLength(source.citations.totalCount);
      for (const { node: citation } of source.citations.edges) {
        expect(source.text.slice(citation.start, citation.end)).toBe(citation.quote);
        expect(Boolean(citation.claim) !== Boolean(citation.relation)).toBe(true);
      }
      total += source.citations.edges.length;
    }
    expect(total).toBe(api.index.citationCount);
  });
});
