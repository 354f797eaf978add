import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('the GraphQL API answers', () => {
  it('entity: ISIS-K with its aliases, claims, relations, degree, sources and disagreements', async () => {
    const { data, errors } = await api.query(`{
      entity(id: "isis-k") {
        id name type aliases description degree
        claims(first: 500) { totalCount edges { node { id attribute value entity { id } sources { id } citations { quote } } } }
        relations(first: 500) { totalCount edges { node { id } } }
        outgoing: relations(direction: OUTGOING, first: 500) { edges { node { subject { id } } } }
        incoming: relations(direction: INCOMING, first: 500) { edges { node { object { id } } } }
        enemies: relations(types: ["enemy_of"]) { edges { node { type } } }
        sources(first: 500) { totalCount edges { node { id } } }
        sourceIds
        disagreements(first: 500) { totalCount edges { node { attribute claims { value } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const entity = data.entity;
    expect(entity).toMatchObject({ id: 'isis-k', name: 'ISIS-K', type: 'organization' });
    expect(entity.aliases).toContain('ISKP');
    expect(entity.degree).toBe(api.index.graph.degree('isis-k'));
    expect(entity.relations.edges).toHaveLength(entity.degree);
    expect(entity.relations.totalCount).toBe(entity.degree);
    type Row = { subject: { id: string }; object: { id: string }; type: string };
    const nodes = (connection: { edges: { node: Row }[] }) => connection.edges.map((edge) => edge.node);
    expect(nodes(entity.outgoing).every((r) => r.subject.id === 'isis-k')).toBe(true);
    expect(nodes(entity.incoming).every((r) => r.object.id === 'isis-k')).toBe(true);
    expect(nodes(entity.outgoing).length + nodes(entity.incoming).length).toBeGreaterThanOrEqual(entity.degree);
    expect(nodes(entity.enemies).length).toBeGreaterThan(0);
    expect(nodes(entity.enemies).every((r) => r.type === 'enemy_of')).toBe(true);
    const all = <T>(connection: { totalCount: number; edges: { node: T }[] }) => {
      expect(connection.edges).toHaveLength(connection.totalCount);
      return connection.edges.map((edge) => edge.node);
    };
    const claims = all<{ entity: { id: string } }>(entity.claims);
    expect(claims.length).toBe(api.index.claimsByEntity.get('isis-k')!.length);
    expect(claims.every((c) => c.entity.id === 'isis-k')).toBe(true);
    const sources = all<{ id: string }>(entity.sources).map((source) => source.id);
    expect(sources.length).toBe(api.knowledgeGraph.sources.size);
    expect(entity.sourceIds).toEqual(sources);
    expect(all<{ attribute: string }>(entity.disagreements).map((d) => d.attribute)).toContain('fighter_strength');
  });

  it('entity: null for an unknown id', async () => {
    const { data, errors } = await api.query(`{ entity(id: "no-such-entity") { id } }`);
    expect(errors).toBeUndefined();
    expect(data.entity).toBeNull();
  });

  it('relation: its label, both ends, direction, citations, sources and corroboration', async () => {
    const { data } = await api.query(`{
      relation(id: "isis-k--enemy_of--taliban") {
        id type label directed note corroboration sourceIds
        subject { id } object { id }
        sources { id }
        citations { quote start end source { id } relation { id } claim { id } }
      }
      missing: relation(id: "nope") { id }
    }`);
    const relation = data.relation;
    expect(relation).toMatchObject({ type: 'enemy_of', label: 'enemy of', directed: false });
    expect([relation.subject.id, relation.object.id].sort()).toEqual(['isis-k', 'taliban']);
    expect(relation.corroboration).toBe(relation.sources.length);
    expect(relation.sourceIds).toEqual(relation.sources.map((s: { id: string }) => s.id));
    for (const citation of relation.citations) {
      expect(citation.relation.id).toBe(relation.id);
      expect(citation.claim).toBeNull();
    }
    expect(data.missing).toBeNull();
  });

  it('entities and relations: connections with edges, cursors, pageInfo and totalCount', async () => {
    const { data } = await api.query(`{
      entities(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
      relations(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
    }`);
    expect(data.entities.totalCount).toBe(api.index.graph.order);
    expect(data.relations.totalCount).toBe(api.index.graph.size);
    for (const connection of [data.entities, data.relations]) {
      expect(connection.edges).toHaveLength(3);
      expect(connection.pageInfo.hasNextPage).toBe(true);
      expect(connection.pageInfo.endCursor).toBe(connection.edges[2].cursor);
    }
  });

  it('search: entities by name or alias, best first', async () => {
    const { data } = await api.query(`{ search(text: "iskp", first: 3) { id name } }`);
    expect(data.search[0]).toEqual({ id: 'isis-k', name: 'ISIS-K' });
  });

  it('neighborhood: a flat subgraph around an entity', async () => {
    const { data } = await api.query(`{
      neighborhood(id: "haqqani-network", depth: 1) { truncated entities { id } relations { id subject { id } object { id } } }
    }`);
    const ids = new Set(data.neighborhood.entities.map((e: { id: string }) => e.id));
    expect(ids.has('taliban')).toBe(true);
    for (const relation of data.neighborhood.relations) {
      expect(ids.has(relation.subject.id) && ids.has(relation.object.id)).toBe(true);
    }
    expect(data.neighborhood.truncated).toBe(false);
  });

  it('paths: hops with all their relations, and one relation per hop', async () => {
    const { data } = await api.query(`{
      paths(from: "isis-k", to: "taliban", maxLength: 2, first: 3) {
        length entities { id } relations { id type } hops { from { id } to { id } relations { id } }
      }
    }`);
    expect(data.paths[0].length).toBe(1);
    for (const path of data.paths) {
      expect(path.entities).toHaveLength(path.length + 1);
      expect(path.relations).toHaveLength(path.length);
      expect(path.hops).toHaveLength(path.length);
    }
  });

  it('sources and source: the documents, their text and what they support', async () => {
    const { data, errors } = await api.query(`{
      sources(first: 500) {
        totalCount
        edges { node { id title publisher author published kind note relationCount claimCount entityCount citationCount } }
      }
      source(id: "bbc-what-is-isis-k") {
        id title publisher author text
        citations(first: 500) { totalCount edges { node { start end quote } } }
        relations(first: 500) { totalCount edges { node { id sourceIds } } }
        claims(first: 500) { totalCount edges { node { id sources { id } } } }
        entities(first: 500) { totalCount edges { node { id } } }
        relationCount claimCount entityCount citationCount
      }
      missing: source(id: "nope") { id }
    }`);
    expect(errors).toBeUndefined();
    type Connection<T> = { totalCount: number; edges: { node: T }[] };
    const nodes = <T>(connection: Connection<T>) => connection.edges.map((edge) => edge.node);
    const sources = nodes<{ id: string }>(data.sources);
    expect(sources.map((s) => s.id)).toEqual([...api.knowledgeGraph.sources.keys()].sort());
    expect(data.sources.totalCount).toBe(api.knowledgeGraph.sources.size);
    const source = data.source;
    expect(source).toMatchObject({ publisher: 'BBC', author: 'Frank Gardner' });
    for (const [list, count] of [
      ['relations', 'relationCount'],
      ['claims', 'claimCount'],
      ['entities', 'entityCount'],
      ['citations', 'citationCount'],
    ]) {
      expect({ list, shown: source[list!].edges.length, total: source[list!].totalCount }).toEqual({
        list,
        shown: source[count!],
        total: source[count!],
      });
    }
    for (const relation of nodes<{ sourceIds: string[] }>(source.relations))
      expect(relation.sourceIds).toContain('bbc-what-is-isis-k');
    const starts = nodes<{ start: number }>(source.citations).map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(data.missing).toBeNull();
  });

  it('disagreements: every disputed attribute, or one entity’s', async () => {
    const { data, errors } = await api.query(`{
      all: disagreements(first: 500) { totalCount edges { node { entity { id } attribute claims { value sources { id } } } } }
      isisk: disagreements(entity: "isis-k") { totalCount edges { node { entity { id } attribute } } }
    }`);
    expect(errors).toBeUndefined();
    type Disagreement = { entity: { id: string }; claims: { value: string }[] };
    const all: Disagreement[] = data.all.edges.map((edge: { node: Disagreement }) => edge.node);
    const isisk: Disagreement[] = data.isisk.edges.map((edge: { node: Disagreement }) => edge.node);
    expect(all).toHaveLength(data.all.totalCount);
    expect(isisk).toHaveLength(data.isisk.totalCount);
    expect(isisk.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(isisk.length);
    expect(isisk.every((d) => d.entity.id === 'isis-k')).toBe(true);
    for (const disagreement of all) {
      expect(new Set(disagreement.claims.map((c: { value: string }) => c.value)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('compareSources: what two sources support alike and apart', async () => {
    const { data } = await api.query(`{
      compareSources(a: "bbc-what-is-isis-k", b: "cbc-isis-k-security-threat") {
        a { id } b { id }
        onlyA(first: 500) { totalCount edges { node { id } } }
        onlyB(first: 500) { totalCount edges { node { id } } }
        both(first: 500) { totalCount edges { node { id sourceIds } } }
      }
    }`);
    const comparison = data.compareSources;
    expect(comparison.a.id).toBe('bbc-what-is-isis-k');
    const total = comparison.onlyA.totalCount + comparison.both.totalCount;
    expect(total).toBe(api.index.relationsBySource.get('bbc-what-is-isis-k')!.length);
    expect(comparison.onlyA.edges.length + comparison.both.edges.length).toBe(total);
    for (const { node: relation } of comparison.both.edges) {
      expect(relation.sourceIds).toEqual(expect.arrayContaining(['bbc-what-is-isis-k', 'cbc-isis-k-security-threat']));
    }
  });

  it('vocabulary and stats: types with their counts, and the totals', async () => {
    const { data } = await api.query(`{
      vocabulary { entityTypes { id label description count } relationTypes { id label directed description count } }
      stats { entityCount relationCount claimCount sourceCount citationCount }
    }`);
    const sum = (types: { count: number }[]) => types.reduce((total, type) => total + type.count, 0);
    expect(sum(data.vocabulary.entityTypes)).toBe(data.stats.entityCount);
    expect(sum(data.vocabulary.relationTypes)).toBe(data.stats.relationCount);
    expect(data.vocabulary.relationTypes.find((t: { id: string }) => t.id === 'enemy_of')).toMatchObject({
      label: 'enemy of',
      directed: false,
    });
    expect(data.stats).toEqual({
      entityCount: api.index.graph.order,
      relationCount: api.index.graph.size,
      claimCount: api.knowledgeGraph.claims.size,
      sourceCount: api.knowledgeGraph.sources.size,
      citationCount: api.index.citationCount,
    });
  });

  it('introspection, for tools and the sandbox', async () => {
    const { data } = await api.query(`{ __schema { queryType { fields { name } } } }`);
    const fields = data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['entity', 'relations', 'search', 'neighborhood', 'paths']));
  });
});
