import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

async function expectBadUserInput(
  query: string,
  argument: string,
  message: RegExp,
  variables?: Record<string, unknown>,
) {
  const { status, errors } = await api.query(query, variables);
  expect(status).toBe(200);
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(errors![0]!.message).toMatch(message);
}

describe('bad input is a BAD_USER_INPUT error that names the argument and what would be right', () => {
  it.each([
    [
      'an unknown `from` in paths',
      '{ paths(from: "atlantis", to: "taliban") { length } }',
      'from',
      /No entity has the id "atlantis"/,
    ],
    [
      'an unknown `to` in paths',
      '{ paths(from: "isis-k", to: "atlantis") { length } }',
      'to',
      /No entity has the id "atlantis"/,
    ],
    [
      'an unknown id in neighborhood',
      '{ neighborhood(id: "atlantis") { truncated } }',
      'id',
      /No entity has the id "atlantis"/,
    ],
    ['a negative depth', '{ neighborhood(id: "isis-k", depth: -1) { truncated } }', 'depth', /from 0 to 3; it was -1/],
    ['a depth over 3', '{ neighborhood(id: "isis-k", depth: 4) { truncated } }', 'depth', /from 0 to 3; it was 4/],
    [
      'a neighbourhood limit over 5000',
      '{ neighborhood(id: "isis-k", limit: 5001) { truncated } }',
      'limit',
      /from 0 to 5000/,
    ],
    ['`first` over 500 in relations', '{ relations(first: 501) { totalCount } }', 'first', /from 0 to 500; it was 501/],
    ['`first` over 500 in entities', '{ entities(first: 501) { totalCount } }', 'first', /from 0 to 500/],
    ['a negative `first`', '{ entities(first: -1) { totalCount } }', 'first', /from 0 to 500; it was -1/],
    ['`first` over 50 in search', '{ search(text: "isis", first: 51) { id } }', 'first', /from 0 to 50/],
    [
      '`first` over 50 in paths',
      '{ paths(from: "isis-k", to: "taliban", first: 51) { length } }',
      'first',
      /from 0 to 50/,
    ],
    [
      'a maxLength of 0',
      '{ paths(from: "isis-k", to: "taliban", maxLength: 0) { length } }',
      'maxLength',
      /from 1 to 5/,
    ],
    [
      'a maxLength over 5',
      '{ paths(from: "isis-k", to: "taliban", maxLength: 6) { length } }',
      'maxLength',
      /from 1 to 5; it was 6/,
    ],
    ['a cursor this API did not make', '{ relations(after: "not-a-cursor") { totalCount } }', 'after', /not a cursor/],
    [
      'a negative minSources',
      '{ relations(filter: { minSources: -1 }) { totalCount } }',
      'filter.minSources',
      /at least 0/,
    ],
    [
      'an unknown source in compareSources',
      '{ compareSources(a: "bbc-what-is-isis-k", b: "nope") { both { totalCount } } }',
      'b',
      /No source has the id "nope"/,
    ],
  ])('%s', async (_, query, argument, message) => {
    await expectBadUserInput(query, argument, message);
  });

  it('an unknown relation type, entity or source in a filter is BAD_USER_INPUT naming the filter field', async () => {
    for (const [query, argument] of [
      ['{ relations(filter: { types: ["foe_of"] }) { totalCount } }', 'filter.types'],
      ['{ relations(filter: { entity: "nobody" }) { totalCount } }', 'filter.entity'],
      ['{ entities(filter: { sources: ["bbc"] }) { totalCount } }', 'filter.sources'],
      ['{ neighborhood(id: "isis-k", filter: { types: ["foe_of"] }) { truncated } }', 'filter.types'],
    ]) {
      const { errors } = await api.query(query!);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('the message of an unknown source names it, its argument, and where the sources are listed', async () => {
    // Not the list of every source: it grows with the graph (thousands of sources).
    const { errors } = await api.query(
      '{ compareSources(a: "nope", b: "bbc-what-is-isis-k") { both { totalCount } } }',
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'a' });
    expect(errors![0]!.message).toMatch(/"nope".*`sources`.*`a`/);
  });

  it('a variable of the wrong type is refused before anything runs', async () => {
    const { status, errors } = await api.query(
      `query($depth: Int) { neighborhood(id: "isis-k", depth: $depth) { truncated } }`,
      {
        depth: 'deep',
      },
    );
    expect(status).toBe(400);
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown field is a validation error', async () => {
    const { status, errors } = await api.query('{ entity(id: "isis-k") { nickname } }');
    expect(status).toBe(400);
    expect(errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
