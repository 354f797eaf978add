import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { parse } from 'graphql';

import { MAX_LIST_LENGTH, MAX_STRING_LENGTHS } from '../../server/api/argument-bounds';
import {
  DOCUMENT_STORE_BYTES,
  PERSISTED_QUERY_BYTES,
  createDocumentStore,
  documentBytes,
} from '../../server/api/document-store';
import { isProduction } from '../../server/api/environment';
import { MAX_COST, MAX_SELECTIONS, MAX_TOKENS, operationCost } from '../../server/api/limits';
import { MAX_DOCUMENT_LENGTH, MAX_VARIABLES_DEPTH, MAX_VARIABLES_VALUES } from '../../server/api/request-bounds';
import { REQUEST_TIME_LIMIT_MS } from '../../server/api/time-limit';
import { buildSchemaFromFile } from './schema';
import { type TestServer, startTestServer } from './test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

async function expectServerStillAnswers(): Promise<void> {
  const { status, data } = await api.query(`{ stats { entityCount } }`);
  expect(status).toBe(200);
  expect(data.stats.entityCount).toBe(api.index.graph.order);
}

describe('every input is bounded before work starts', () => {
  it(`refuses a document over ${MAX_DOCUMENT_LENGTH} characters with a 400 DOCUMENT_TOO_LARGE`, async () => {
    const { status, errors } = await api.query(`{ __typename } # ${'x'.repeat(MAX_DOCUMENT_LENGTH)}`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('DOCUMENT_TOO_LARGE');
    expect(errors?.[0]?.message).toMatch(new RegExp(`maximum of ${MAX_DOCUMENT_LENGTH}`));
    await expectServerStillAnswers();
  });

  it(`refuses more than ${MAX_SELECTIONS} selections before validating them`, async () => {
    const { status, errors } = await api.query(`{ ${'stats { entityCount } '.repeat(MAX_SELECTIONS / 2 + 1)} }`);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toBe(
      `The document has ${MAX_SELECTIONS + 2} selections (fields and fragments), over the limit of ${MAX_SELECTIONS}: split it into several requests.`,
    );
    const justUnder = await api.query(`{ ${'stats { entityCount } '.repeat(MAX_SELECTIONS / 2)} }`);
    expect(justUnder.errors).toBeUndefined();
    // Verdicts are remembered per document: a second sending is judged the same, either way.
    const again = await api.query(`{ ${'stats { entityCount } '.repeat(MAX_SELECTIONS / 2 + 1)} }`);
    expect(again.status).toBe(400);
    expect((await api.query(`{ ${'stats { entityCount } '.repeat(MAX_SELECTIONS / 2)} }`)).errors).toBeUndefined();
  });

  it('refuses search text over its maximum, naming `text` and the maximum, written inline or as a variable', async () => {
    const text = 'islamic state '.repeat(20);
    for (const [query, variables] of [
      [`{ search(text: "${text}") { id } }`, undefined],
      [`query($t: String!) { search(text: $t) { id } }`, { t: text }],
    ] as const) {
      const { status, errors } = await api.query(query, variables);
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'text',
        maxLength: MAX_STRING_LENGTHS.text,
      });
      expect(errors?.[0]?.message).toBe(`\`text\` is ${text.length} characters long, over the maximum of 200.`);
    }
  });

  it('judges the variables of every request, whatever the same document was sent with before', async () => {
    // Where a document takes arguments is worked out once per document; the values, each time.
    const query = `query($t: String!) { search(text: $t) { id } }`;
    expect((await api.query(query, { t: 'taliban' })).errors).toBeUndefined();
    const tooLong = await api.query(query, { t: 'x'.repeat(MAX_STRING_LENGTHS.text + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.errors?.[0]?.extensions?.argument).toBe('text');
    expect((await api.query(query, { t: 'haqqani' })).errors).toBeUndefined();
  });

  it('refuses 100 kB of search text without running the search', async () => {
    const response = await api.post(
      JSON.stringify({
        query: 'query($t: String!) { search(text: $t) { id } }',
        variables: { t: 'a'.repeat(100_000) },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });

  it('bounds ids, cursors and filter values, naming the argument', async () => {
    const long = 'x'.repeat(MAX_STRING_LENGTHS.other + 1);
    for (const [query, argument] of [
      [`{ entity(id: "${long}") { id } }`, 'id'],
      [`{ relations(after: "${long}") { totalCount } }`, 'after'],
      [`{ sources(after: "${long}") { totalCount } }`, 'after'],
      [`{ source(id: "bbc-what-is-isis-k") { citations(after: "${long}") { totalCount } } }`, 'after'],
      [`{ relations(filter: { entity: "${long}" }) { totalCount } }`, 'filter.entity'],
      [`{ entities(filter: { text: "${long}" }) { totalCount } }`, 'filter.text'],
      [`{ entities(filter: { types: ["${long}"] }) { totalCount } }`, 'filter.types'],
    ]) {
      const { status, errors } = await api.query(query!);
      expect({ query, status, extensions: errors?.[0]?.extensions }).toMatchObject({
        query,
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
  });

  it(`refuses a list argument of more than ${MAX_LIST_LENGTH} values`, async () => {
    const types = Array.from({ length: MAX_LIST_LENGTH + 1 }, (_, i) => `t${i}`);
    const { status, errors } = await api.query(
      `query($types: [String!]) { relations(filter: { types: $types }) { totalCount } }`,
      { types },
    );
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.types' });
  });

  it('refuses variables nested too deep or holding too many values', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_VARIABLES_DEPTH + 1; i++) deep = [deep];
    const tooDeep = await api.query(`query($v: [String]) { stats { entityCount } }`, { v: deep });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.errors?.[0]?.message).toMatch(/nested more than 8 levels/);
    const many = await api.query(`query($v: [Int]) { stats { entityCount } }`, {
      v: Array.from({ length: MAX_VARIABLES_VALUES }, (_, i) => i),
    });
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await expectServerStillAnswers();
  });
});

describe('client mistakes are answered as such, never as INTERNAL_SERVER_ERROR', () => {
  it('null for a variable with a default that feeds a required argument', async () => {
    const { status, errors } = await api.query(`query($id: ID = "isis-k") { entity(id: $id) { id } }`, { id: null });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(errors?.[0]?.message).toMatch(/`\$id` that sets it was null/);
  });

  it('null for a variable with a default that feeds @include(if:)', async () => {
    const { status, errors } = await api.query(`query($v: Boolean = true) { stats @include(if: $v) { entityCount } }`, {
      v: null,
    });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'if' });
  });

  it('a persisted query of an unknown version, a malformed hash, a hash of another query', async () => {
    const query = '{ stats { entityCount } }';
    const otherHash = createHash('sha256').update('{ stats { relationCount } }').digest('hex');
    for (const persistedQuery of [
      { version: 2, sha256Hash: otherHash },
      { version: 1, sha256Hash: 'abc' },
      { version: 1, sha256Hash: otherHash },
    ]) {
      const response = await api.post(JSON.stringify({ query, extensions: { persistedQuery } }));
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_INVALID');
    }
  });

  it('still registers and serves a persisted query with the right hash', async () => {
    const query = '{ stats { sourceCount } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const registered = await api.post(JSON.stringify({ query, extensions: { persistedQuery } }));
    expect(registered.status).toBe(200);
    const byHash = await api.post(JSON.stringify({ extensions: { persistedQuery } }));
    expect((await byHash.json()).data.stats.sourceCount).toBe(api.knowledgeGraph.sources.size);
  });

  it('an unknown entity in disagreements, like every other unknown id', async () => {
    const { errors } = await api.query(`{ disagreements(entity: "nope") { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entity' });
    expect(errors?.[0]?.message).toMatch(/No entity has the id "nope"/);
  });
});

describe('the server runs as in production unless development is asked for', () => {
  it('is production without NODE_ENV, with NODE_ENV=production or test, and not with development', () => {
    expect(isProduction({})).toBe(true);
    expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
    expect(isProduction({ NODE_ENV: 'test' })).toBe(true);
    expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
  });

  it('answers errors without stack traces by default', async () => {
    const { errors } = await api.query('{ entity(id: "isis-k") { nam } }');
    expect(errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('gives no enum, field, argument or type hint, even from variable coercion', async () => {
    for (const [query, variables] of [
      [`query($d: Direction) { entity(id: "isis-k") { relations(direction: $d) { id } } }`, { d: 'ANYY' }],
      [`{ entity(id: "isis-k") { relations(direction: ANYY) { id } } }`, undefined],
      [`{ entities(frst: 3) { totalCount } }`, undefined],
      [`query($f: RelationFiltr) { relations(filter: $f) { totalCount } }`, undefined],
      [`query($f: RelationFilter) { relations(filter: $f) { totalCount } }`, { f: { minSource: 2 } }],
    ] as const) {
      const { errors } = await api.query(query, variables);
      expect(errors?.length).toBeGreaterThan(0);
      for (const error of errors!) {
        expect(error.message).not.toMatch(/Did you mean/);
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
  });
});

describe('an omitted or null argument means the schema default everywhere', () => {
  const sourceTexts = (first: string) =>
    `{ ${Array.from(
      { length: 15 },
      (_, i) => `a${i}: relations${first} { edges { node { citations { source { text } } } } }`,
    ).join(' ')} }`;

  it('prices `first: null` as the default it is served as', async () => {
    const schema = await buildSchemaFromFile();
    const asNull = operationCost(schema, parse(sourceTexts('(first: null)')));
    expect(asNull).toBe(operationCost(schema, parse(sourceTexts('(first: 50)'))));
    expect(asNull).toBe(operationCost(schema, parse(sourceTexts(''))));
    expect(asNull).toBeGreaterThan(MAX_COST);
  });

  it('refuses 15 aliases of `first: null` with source texts like `first: 50`', async () => {
    for (const first of ['(first: null)', '(first: 50)']) {
      const { status, errors } = await api.query(sourceTexts(first));
      expect(status).toBe(400);
      expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('does not let a negative `first` pay for a costly sibling', async () => {
    const { errors } = await api.query(`{
      a: relations(first: -1000000) { totalCount }
      b: relations(first: 500) { edges { node { citations { source { text } } } } }
    }`);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('serves null as the default: 50 relations, 10 search results, a one-hop neighbourhood', async () => {
    const { data, errors } = await api.query(
      `query($n: Int, $d: Int, $l: Int, $m: Int) {
      relations(first: $n) { edges { cursor } }
      search(text: "a", first: $n) { id }
      neighborhood(id: "isis-k", depth: $d, limit: $l) { relations { id } }
      oneHop: neighborhood(id: "isis-k", depth: 1) { relations { id } }
      paths(from: "isis-k", to: "taliban", maxLength: $m, first: $n) { length }
    }`,
      { n: null, d: null, l: null, m: null },
    );
    expect(errors).toBeUndefined();
    expect(data.relations.edges).toHaveLength(Math.min(50, api.index.graph.size));
    expect(data.search.length).toBeLessThanOrEqual(10);
    expect(data.neighborhood.relations).toEqual(data.oneHop.relations);
    expect(Math.max(...data.paths.map((path: { length: number }) => path.length))).toBeLessThanOrEqual(3);
  });
});

describe('time limit', () => {
  it('answers a request that runs past it with one REQUEST_TIMEOUT error, then serves on', async () => {
    const slow = await startTestServer({ timeLimitMs: 0 });
    try {
      const { status, errors } = await slow.query(`{ relations(first: 100) { edges { node { id label } } } }`);
      expect(status).toBe(503);
      expect(errors).toHaveLength(1);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', limitMs: 0 });
    } finally {
      await slow.close();
    }
  });
});

describe('the parsed-document cache', () => {
  it('counts a document by its source text and tokens, not only its parsed shape', () => {
    const padded = parse(`{ __typename } # ${'x'.repeat(9000)}`);
    expect(documentBytes(padded)).toBeGreaterThanOrEqual(2 * 9000);
  });

  it('keeps no more than its byte budget, dropping the least recently used', async () => {
    const store = createDocumentStore(200_000);
    for (let i = 0; i < 100; i++) {
      await store.set(`k${i}`, parse(`{ __typename } # ${i} ${'x'.repeat(9000)}`));
    }
    expect(store.size).toBeLessThanOrEqual(200_000);
    expect(await store.get('k99')).toBeDefined();
    expect(await store.get('k0')).toBeUndefined();
  });
});

describe('the README states the limits the code enforces', () => {
  const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

  it('names every maximum and cache budget as the code defines it', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const phrase of [
      `${spaced(MAX_DOCUMENT_LENGTH)} characters, ${spaced(MAX_TOKENS)} tokens`,
      `${MAX_VARIABLES_DEPTH} levels deep, ${spaced(MAX_VARIABLES_VALUES)} values`,
      `| ${MAX_STRING_LENGTHS.text} characters |`,
      `| ${MAX_STRING_LENGTHS.other} characters |`,
      `| ${MAX_LIST_LENGTH} values |`,
      `${MAX_SELECTIONS} selections (fields and fragments)`,
      `| ${spaced(MAX_COST)} (`,
      `| ${REQUEST_TIME_LIMIT_MS / 1000} s |`,
      `at most ${DOCUMENT_STORE_BYTES / 1024 / 1024} MB`,
      `at most ${PERSISTED_QUERY_BYTES / 1024 / 1024} MB`,
    ]) {
      expect(readme).toContain(phrase);
    }
  });
});
