import { MAX_FULL_TEXT_LENGTH } from '../../server/graph/full-text-search';
import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const FULL_TEXT = `
  query ($text: String!, $first: Int, $after: String) {
    fullTextSearch(text: $text) {
      text
      entities(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { fields entity { id name } } }
      }
      relations(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { fields relation { id type } quotes { citation { quote start end source { id } } matches { start end text } } } }
      }
      passages(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { source { id } start end snippet { start end text } matches { start end text } } }
      }
    }
  }`;

async function fullText(text: string, first = 10) {
  const { data, errors, status } = await api.query(FULL_TEXT, { text, first });
  expect(errors).toBeUndefined();
  expect(status).toBe(200);
  return data.fullTextSearch;
}

describe('fullTextSearch over HTTP', () => {
  it('answers in three groups, each with a total and at most `first` results', async () => {
    const result = await fullText('taliban', 5);
    expect(result.text).toBe('taliban');
    for (const group of [result.entities, result.relations, result.passages]) {
      expect(group.totalCount).toBeGreaterThan(5);
      expect(group.edges).toHaveLength(5);
      expect(group.pageInfo.hasNextPage).toBe(true);
    }
    expect(result.entities.edges.map((edge: { node: { entity: { id: string } } }) => edge.node.entity.id)).toContain(
      'taliban',
    );
  });

  it('finds the Haqqani network first from "hakkani"', async () => {
    const result = await fullText('hakkani');
    expect(result.entities.edges[0].node.entity.id).toBe('haqqani-network');
    expect(result.passages.totalCount).toBeGreaterThan(0);
  });

  it('finds the relations of the leader_of type from "leader"', async () => {
    const result = await fullText('leader', 50);
    const types = result.relations.edges.map(
      (edge: { node: { relation: { type: string } } }) => edge.node.relation.type,
    );
    expect(types).toContain('leader_of');
  });

  it('finds a relation and its passage from a phrase of its quote, with offsets into the source text', async () => {
    const relation = api.index.graph.getEdgeAttributes('isis-k--affiliate_of--islamic-state');
    const citation = relation.citations[0]!;
    const phrase = citation.quote.split(' ').slice(1, 7).join(' ');
    const result = await fullText(phrase);
    const hit = result.relations.edges[0].node;
    expect(hit.relation.id).toBe(relation.id);
    expect(hit.quotes[0].citation.quote).toBe(citation.quote);

    const passage = result.passages.edges[0].node;
    expect(passage.source.id).toBe(citation.sourceId);
    const sourceText = api.knowledgeGraph.sources.get(citation.sourceId)!.text;
    const match = passage.matches.find((m: { text: string }) => m.text === phrase);
    expect(match).toBeDefined();
    expect(sourceText.slice(match.start, match.end)).toBe(phrase);
    expect(sourceText.slice(passage.snippet.start, passage.snippet.end)).toBe(passage.snippet.text);
    expect(passage.start).toBeLessThanOrEqual(match.start);
    expect(passage.end).toBeGreaterThanOrEqual(match.end);
  });

  it('pages a group with `after`, continuing where the last page ended', async () => {
    const query = `query ($after: String) { fullTextSearch(text: "taliban") { passages(first: 4, after: $after) {
      totalCount pageInfo { endCursor } edges { node { source { id } start } } } } }`;
    const whole = (await api.query(query, {})).data.fullTextSearch.passages;
    const first = (await api.query(query.replace('first: 4', 'first: 2'), {})).data.fullTextSearch.passages;
    const second = (await api.query(query.replace('first: 4', 'first: 2'), { after: first.pageInfo.endCursor })).data
      .fullTextSearch.passages;
    expect([...first.edges, ...second.edges]).toEqual(whole.edges);
    expect(second.totalCount).toBe(whole.totalCount);
  });

  it(`refuses a text over ${MAX_FULL_TEXT_LENGTH} characters with BAD_USER_INPUT naming \`text\``, async () => {
    const { errors } = await api.query(FULL_TEXT, { text: 'x'.repeat(MAX_FULL_TEXT_LENGTH + 1) });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.argument).toBe('text');
    expect(errors?.[0]?.message).toContain(String(MAX_FULL_TEXT_LENGTH));
  });

  it('refuses a `first` over 50 and a cursor it did not make, naming the argument', async () => {
    const tooMany = await api.query(FULL_TEXT, { text: 'kabul', first: 51 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const badCursor = await api.query(FULL_TEXT, { text: 'kabul', after: 'bm90LWEtY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('keeps the name search (`search`) as it was', async () => {
    const { data, errors } = await api.query(`{ search(text: "iskp", first: 1) { id } }`);
    expect(errors).toBeUndefined();
    expect(data.search[0].id).toBe('isis-k');
  });
});
