import { parse } from 'graphql';

import { NEIGHBORHOOD_LIMIT } from '../../client/src/api/use-neighborhood';
import { BOUNDED_VIEW_THRESHOLD } from '../../client/src/core/bounded-view';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_DIRECTIVES, MAX_TOKENS, operationCost } from '../../server/api/limits';
import { explorerOperations } from '../support/explorer-operations';
import { type TestServer, startTestServer } from './test-server';
import { buildSchemaFromFile } from './schema';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

/** The query the explorer sends for one page of the graph. */
const EXPLORER_PAGE = `query ExplorerPage($after: String) {
  relations(first: 500, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id type label directed note corroboration sourceIds
      subject { id name type } object { id name type }
      citations { quote start end source { id } }
    } }
  }
}`;

async function expectServerStillAnswers(): Promise<void> {
  const { status, data, errors } = await api.query(`{ stats { entityCount } }`);
  expect(status).toBe(200);
  expect(errors).toBeUndefined();
  expect(data.stats.entityCount).toBe(api.index.graph.order);
}

describe('abuse limits', () => {
  it(`let the explorer's 500-relation page through: it costs under ${MAX_COST}`, async () => {
    const cost = operationCost(await buildSchemaFromFile(), parse(EXPLORER_PAGE));
    expect(cost).toBeLessThan(MAX_COST);
    const { status, data, errors } = await api.query(EXPLORER_PAGE);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data.relations.edges).toHaveLength(Math.min(500, api.index.graph.size));
  });

  it('let every query the explorer sends through, at its largest pages and depths', async () => {
    // The curator's mutations are read-only refusals here; tests/curation sends them for real.
    const operations = (await explorerOperations()).filter(({ operation }) => operation === 'query');
    expect(operations.length).toBeGreaterThan(0);
    for (const { name, document } of operations) {
      const pages = /\b(entities|relations)\(first: \$first/.test(document);
      const variables = {
        id: 'isis-k',
        // Relation ids for the export's citations, entity ids for the source filter's support.
        ids: (name === 'EntitiesSupportedBy' ? api.index.entityIds : api.index.relationIds).slice(0, 100),
        sources: api.index.sourceIds.slice(0, 2),
        text: 'isis',
        from: 'isis-k',
        to: 'taliban',
        first: pages ? 500 : 50,
        after: null,
        depth: 3,
        maxLength: 5,
        bucket: 'MONTH',
        // Source comparison: the first two sources.
        a: api.index.sourceIds[0],
        b: api.index.sourceIds[1],
        // The whole graph's positions: the overview at the whole-graph threshold.
        maxEntities: BOUNDED_VIEW_THRESHOLD.entities,
        maxRelations: BOUNDED_VIEW_THRESHOLD.relations,
        limit: NEIGHBORHOOD_LIMIT,
      };
      const { errors } = await api.query(document, variables);
      const codes = (errors ?? []).map((error) => error.extensions?.code);
      expect({ name, codes }).toEqual({ name, codes: [] });
    }
  });

  it(`reject a query deeper than ${MAX_DEPTH} levels with GRAPHQL_VALIDATION_FAILED, then serve on`, async () => {
    const deep = `{ entity(id: "isis-k") { relations { subject { relations { subject { relations { subject { relations { subject { relations { id } } } } } } } } } } }`;
    const { status, errors } = await api.query(deep);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
    expect(errors?.[0]?.message).toMatch(/depth limit of 10/);
    await expectServerStillAnswers();
  });

  it('count depth through fragments too', async () => {
    const viaFragments = `
      fragment Hop on Entity { relations { edges { node { subject { relations { edges { node { id } } } } } } } }
      { entity(id: "isis-k") { relations { edges { node { subject { ...Hop } } } } } }`;
    const { errors } = await api.query(viaFragments);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
    await expectServerStillAnswers();
  });

  it(`reject more than ${MAX_ALIASES} aliases, then serve on`, async () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: stats { entityCount }`).join(' ');
    const { status, errors } = await api.query(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' });
    await expectServerStillAnswers();
  });

  it(`reject more than ${MAX_DIRECTIVES} directives, then serve on`, async () => {
    const directives = Array.from({ length: MAX_DIRECTIVES + 1 }, () => '@include(if: true)').join(' ');
    const { status, errors } = await api.query(`{ stats ${directives} { entityCount } }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDirectives' });
    await expectServerStillAnswers();
  });

  it(`reject a document of more than ${MAX_TOKENS} tokens before it is parsed, then serve on`, async () => {
    // Four tokens in four characters: over the token limit, under the document length limit.
    const { status, errors } = await api.query(`{ ${'s{e}'.repeat(MAX_TOKENS / 4)} }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors?.[0]?.message).toMatch(/2000 tokens/);
    await expectServerStillAnswers();
  });

  it('reject relations nested in relations as QUERY_TOO_COMPLEX, naming the cost and the limit, then serve on', async () => {
    const nested = `{ relations(first: 500) { edges { node { subject { relations { edges { node { id } } } } } } } }`;
    const { status, errors } = await api.query(nested);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: MAX_COST });
    expect(errors?.[0]?.extensions?.cost as number).toBeGreaterThan(MAX_COST);
    expect(errors?.[0]?.message).toMatch(/over the limit of 25000/);
    await expectServerStillAnswers();
  });

  it('multiply the cost by `first` even when it comes in a variable', async () => {
    const { errors } = await api.query(
      `query($n: Int) { relations(first: $n) { edges { node { id citations { quote source { id title } } } } } }`,
      { n: 100_000 },
    );
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await expectServerStillAnswers();
  });

  it('price source texts, so a small query cannot ask for megabytes of them', async () => {
    const aliases = Array.from(
      { length: 12 },
      (_, i) => `a${i}: sources { edges { node { citations { edges { node { source { text } } } } } } }`,
    ).join(' ');
    const { status, errors } = await api.query(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const perRelation = await api.query(
      `{ relations(first: 500) { edges { node { citations { source { text } } } } } }`,
    );
    expect(perRelation.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await expectServerStillAnswers();
  });

  it('still let the reader fetch one source with its text and citations, and all five texts at once', async () => {
    const one = await api.query(
      `{ source(id: "bbc-what-is-isis-k") { text citations(first: 500) { edges { node { start end quote } } } } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data.source.text.length).toBeGreaterThan(1000);
    const all = await api.query(`{ sources(first: 10) { edges { node { id text } } } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data.sources.edges).toHaveLength(api.knowledgeGraph.sources.size);
  });

  it('refuse batched requests', async () => {
    const response = await api.post(
      JSON.stringify([{ query: '{ stats { entityCount } }' }, { query: '{ stats { relationCount } }' }]),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/batching/i);
    await expectServerStillAnswers();
  });

  it('refuse a JSON body over 100 kB with PAYLOAD_TOO_LARGE', async () => {
    const response = await api.post(
      JSON.stringify({ query: '{ stats { entityCount } }', variables: { pad: 'x'.repeat(110_000) } }),
    );
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await expectServerStillAnswers();
  });
});
