/**
 * Hostile requests
 * ================
 *
 * A seeded generator of requests a hostile or broken client could send: GraphQL documents
 * (broken, deep, wide, costly, padded, long strings, typos that invite suggestions), variables
 * (wrong types, nulls for defaults, deep, long, many), and HTTP (bad JSON, wrong content
 * types and methods, odd paths, persisted-query extensions, raw bytes that are not HTTP).
 * The same seed gives the same requests, so a failure can be replayed.
 */

/** One request: sent over HTTP, or as raw bytes on a socket when `raw` is set. */
export interface HostileRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Bytes written as-is to a new connection: requests that are not valid HTTP. */
  raw?: string;
}

/** mulberry32: a small seeded PRNG, enough to pick among cases reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

const JSON_HEADERS = { 'content-type': 'application/json' };

function graphql(kind: string, query: unknown, variables?: unknown, extra: Record<string, unknown> = {}) {
  return {
    kind,
    method: 'POST',
    path: '/graphql',
    headers: JSON_HEADERS,
    body: JSON.stringify({ query, variables, ...extra }),
  };
}

/** Valid queries of every root field, the seeds the mutations start from. */
const BASE_QUERIES = [
  '{ entity(id: "isis-k") { id name relations { id subject { name } object { name } } } }',
  '{ entities(first: 20, filter: { types: ["organization"] }) { totalCount edges { cursor node { id } } } }',
  '{ relations(first: 50, filter: { minSources: 2 }) { edges { node { id label citations { quote } } } } }',
  '{ search(text: "khorasan") { id name } }',
  '{ neighborhood(id: "isis-k", depth: 2) { entities { id } relations { id } truncated } }',
  '{ paths(from: "isis-k", to: "taliban", maxLength: 3) { length entities { name } } }',
  '{ sources(first: 20, text: "isis") { totalCount edges { cursor node { id title relationCount } } } }',
  '{ source(id: "bbc-what-is-isis-k") { title citations(first: 50) { totalCount edges { node { start end } } } } }',
  '{ disagreements(first: 10) { totalCount edges { node { attribute claims { value } } } } }',
  '{ compareSources(a: "bbc-what-is-isis-k", b: "cbc-isis-k-security-threat") { both(first: 5) { totalCount } } }',
  '{ vocabulary { entityTypes { id count } relationTypes { id } } stats { entityCount } }',
];

const IDS = ['isis-k', 'taliban', 'haqqani-network', 'al-qaeda', 'nope', '', ' ', 'ISIS-K', '../etc/passwd'];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '💥'.repeat(50),
  '%s%s%n',
  '"; DROP TABLE entities; --',
  '<script>alert(1)</script>',
  '\\u0000',
  'a'.repeat(199),
  'a '.repeat(100),
  'ḤaqqānīḤaqqānī',
];

/** Long strings: just over a maximum, far over it, and words that make fuzzy search costly. */
function longString(random: Random): string {
  const length = pick(random, [201, 301, 1000, 5000, 20_000, 60_000]);
  const unit = pick(random, ['a', 'ab ', 'islamic state khorasan ', 'x1-', '漢']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function mutateDocument(random: Random, document: string): string {
  switch (int(random, 7)) {
    case 0: // truncated
      return document.slice(0, int(random, document.length));
    case 1: {
      // a random character inserted
      const at = int(random, document.length);
      return (
        document.slice(0, at) +
        pick(random, ['{', '}', '(', ')', '"', '$', '@', '...', '#', ':', '!']) +
        document.slice(at)
      );
    }
    case 2: // a field name with a typo, inviting "Did you mean …?"
      return document.replace(/\b(name|id|relations|entity|search|first|types|depth)\b/, (word) => `${word}x`);
    case 3: // an enum or type with a typo
      return `query($d: Directon) { entity(id: "isis-k") { relations(direction: ANYY) { id } } }`;
    case 4: // two operations, no operation name
      return `${document} query Other { stats { entityCount } }`;
    case 5: // a subscription or mutation
      return document.replace(/^\{/, pick(random, ['mutation {', 'subscription {']));
    default: // a huge or negative number where an Int goes
      return document.replace(
        /first: \d+/,
        `first: ${pick(random, ['-1', '2147483648', '1e9', '9999999999999999999', 'null', '0'])}`,
      );
  }
}

function nested(field: string, depth: number, leaf: string): string {
  return depth === 0 ? leaf : `${field} { ${nested(field, depth - 1, leaf)} }`;
}

function documentCase(random: Random): HostileRequest {
  switch (int(random, 14)) {
    case 0:
      return graphql('document: mutated', mutateDocument(random, pick(random, BASE_QUERIES)));
    case 1: {
      const depth = 5 + int(random, 60);
      return graphql(
        'document: deep',
        `{ entity(id: "isis-k") { ${nested('relations { subject', depth, 'id')}${' }'.repeat(depth)} } }`,
      );
    }
    case 2: {
      const count = 10 + int(random, 500);
      return graphql(
        'document: aliases',
        `{ ${Array.from({ length: count }, (_, i) => `a${i}: stats { entityCount }`).join(' ')} }`,
      );
    }
    case 3: {
      const count = 5 + int(random, 200);
      return graphql('document: directives', `{ stats ${'@include(if: true) '.repeat(count)}{ entityCount } }`);
    }
    case 4: {
      const first = pick(random, ['null', '50', '500', '']);
      const args = first ? `(first: ${first})` : '';
      const aliases = 2 + int(random, 14);
      return graphql(
        'document: costly',
        `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: relations${args} { edges { node { citations { source { text } } subject { relations { object { relations { id } } } } } } }`).join(' ')} }`,
      );
    }
    case 5:
      return graphql(
        'document: fragment cycle',
        `
          fragment A on Entity {
            ...B
          }
          fragment B on Entity {
            ...A
          }
          {
            entity(id: "isis-k") {
              ...A
            }
          }
        `,
      );
    case 6:
      return graphql(
        'document: long string argument',
        `{ search(text: ${JSON.stringify(longString(random))}) { id } }`,
      );
    case 7:
      return graphql(
        'document: long id',
        `{ ${pick(random, ['entity', 'relation', 'source'])}(id: ${JSON.stringify(longString(random))}) { id } }`,
      );
    case 8: {
      const padding = pick(random, [1000, 9000, 12_000, 95_000]);
      return graphql('document: padded', `{ __typename } # ${random().toString(36)} ${'x'.repeat(padding)}`);
    }
    case 9:
      return graphql('document: tokens', `{ ${'s{e}'.repeat(200 + int(random, 2000))} }`);
    case 10:
      return graphql(
        'document: introspection',
        `
          {
            __schema {
              types {
                name
                fields {
                  name
                  args {
                    name
                    type {
                      name
                      ofType {
                        name
                        ofType {
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        `,
      );
    case 11:
      return graphql(
        'document: odd string',
        `{ ${pick(random, ['search', 'sources'])}(text: ${JSON.stringify(pick(random, ODD_STRINGS))}) { __typename } }`,
      );
    case 12:
      return graphql(
        'document: unknown id',
        `{ ${pick(random, ['neighborhood(id: "x") { truncated }', 'paths(from: "x", to: "y") { length }', 'disagreements(entity: "x") { totalCount }', 'compareSources(a: "x", b: "y") { both { totalCount } }', 'relations(after: "bm9wZQ") { totalCount }', 'sources(orderBy: CITATIONS, after: "bm9wZQ") { totalCount }', 'source(id: "bbc-what-is-isis-k") { citations(after: "YWZ0ZXI6bm9wZQ") { totalCount } }'])} }`,
      );
    default:
      return graphql('document: not a string', pick(random, [42, null, {}, [], true, '', '   ', '#']));
  }
}

function variablesCase(random: Random): HostileRequest {
  switch (int(random, 10)) {
    case 0:
      return graphql(
        'variables: null for a default',
        `
          query ($id: ID = "isis-k") {
            entity(id: $id) {
              id
            }
          }
        `,
        { id: null },
      );
    case 1:
      return graphql(
        'variables: null @include',
        `
          query ($v: Boolean = true) {
            stats @include(if: $v) {
              entityCount
            }
          }
        `,
        { v: null },
      );
    case 2:
      return graphql(
        'variables: wrong type',
        `
          query ($n: Int, $id: ID!) {
            neighborhood(id: $id, depth: $n) {
              truncated
            }
          }
        `,
        {
          n: pick(random, ['deep', 1.5, 2 ** 40, [], {}, true, '1']),
          id: pick(random, [...IDS, 5, null, ['isis-k'], { id: 'x' }]),
        },
      );
    case 3:
      return graphql(
        'variables: enum typo',
        `
          query ($d: Direction) {
            entity(id: "isis-k") {
              relations(direction: $d) {
                id
              }
            }
          }
        `,
        {
          d: pick(random, ['ANYY', 'any', 'OUT', '', 0]),
        },
      );
    case 4:
      return graphql(
        'variables: long string',
        `
          query ($t: String!) {
            search(text: $t) {
              id
            }
          }
        `,
        { t: longString(random) },
      );
    case 5: {
      // Written out: JSON.stringify would overflow the stack on thousands of levels.
      const depth = 5 + int(random, 5000);
      return {
        kind: 'variables: deep',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: `{"query": "query($v: [String]) { stats { entityCount } }", "variables": {"v": ${'['.repeat(depth)}"x"${']'.repeat(depth)}}}`,
      };
    }
    case 6:
      return graphql(
        'variables: many',
        `
          query ($types: [String!]) {
            relations(filter: { types: $types }) {
              totalCount
            }
          }
        `,
        {
          types: Array.from({ length: 50 + int(random, 5000) }, (_, i) => `type${i}`),
        },
      );
    case 7:
      return graphql(
        'variables: filter',
        `
          query ($f: RelationFilter) {
            relations(filter: $f) {
              totalCount
            }
          }
        `,
        {
          f: pick(random, [
            { minSource: 2 },
            { minSources: -5 },
            { types: 'enemy_of' },
            { entity: longString(random) },
            { sources: [null] },
            'x',
            { entityTypes: ['orgnization'] },
          ]),
        },
      );
    case 8:
      return graphql(
        'variables: not an object',
        '{ stats { entityCount } }',
        pick(random, ['{"a":1}', 5, [1, 2], true]),
      );
    default:
      return graphql(
        'variables: first null',
        `
          query ($n: Int) {
            relations(first: $n) {
              edges {
                node {
                  citations {
                    source {
                      text
                    }
                  }
                }
              }
            }
          }
        `,
        { n: null },
      );
  }
}

function rawRequest(kind: string, raw: string): HostileRequest {
  return { kind, method: 'RAW', path: '', headers: {}, raw };
}

function httpCase(random: Random): HostileRequest {
  const query = pick(random, BASE_QUERIES);
  switch (int(random, 16)) {
    case 0:
      return {
        kind: 'http: bad JSON',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: JSON.stringify({ query }).slice(0, -1 - int(random, 10)),
      };
    case 1:
      return {
        kind: 'http: JSON not an object',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: pick(random, ['null', '42', '"x"', 'true', '[]', '[[[[]]]]']),
      };
    case 2:
      return {
        kind: 'http: batch',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: JSON.stringify([{ query }, { query }]),
      };
    case 3:
      return {
        kind: 'http: content type',
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': pick(random, [
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/graphql',
            'application/json; charset=utf-16',
            'application/json; charset=klingon',
          ]),
        },
        body: JSON.stringify({ query }),
      };
    case 4:
      return {
        kind: 'http: encoding',
        method: 'POST',
        path: '/graphql',
        headers: {
          ...JSON_HEADERS,
          'content-encoding': pick(random, ['gzip', 'deflate', 'br', 'zstd', 'identity, gzip']),
        },
        body: JSON.stringify({ query }),
      };
    case 5:
      return {
        kind: 'http: method',
        method: pick(random, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE']),
        path: '/graphql',
        headers: JSON_HEADERS,
        body: JSON.stringify({ query }),
      };
    case 6: {
      const params = pick(random, [
        `query=${encodeURIComponent(query)}`,
        `query=${encodeURIComponent('mutation { x }')}`,
        `query=${encodeURIComponent(query)}&variables=%7Bbroken`,
        `query=${encodeURIComponent(query)}&extensions=${encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"abc"}}')}`,
        'query=a&query=b',
        `query[x]=1`,
        '',
      ]);
      return {
        kind: 'http: GET',
        method: 'GET',
        path: `/graphql?${params}`,
        headers: { 'apollo-require-preflight': 'true' },
      };
    }
    case 7:
      return {
        kind: 'http: odd path',
        method: 'GET',
        path: pick(random, [
          '/%E0%A4%A',
          '/..%2f..%2fetc%2fpasswd',
          '/graphql/%00',
          '/healthz?x=%ZZ',
          '/assets/../../server/main.ts',
          `/${'a'.repeat(8000)}`,
          '/graphql//',
          '/index.html%00.js',
        ]),
        headers: {},
      };
    case 8:
      return graphql('http: persisted query', query, undefined, {
        extensions: {
          persistedQuery: pick(random, [
            { version: 2, sha256Hash: 'a'.repeat(64) },
            { version: 1, sha256Hash: 'f'.repeat(64) },
            { version: 1 },
            'x',
            null,
            { version: '1', sha256Hash: 5 },
          ]),
        },
      });
    case 9:
      return {
        kind: 'http: persisted query by hash',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          extensions: {
            persistedQuery: { version: 1, sha256Hash: random().toString(16).slice(2).padEnd(64, '0').slice(0, 64) },
          },
        }),
      };
    case 10:
      return graphql('http: operation name', '{ stats { entityCount } }', undefined, {
        operationName: pick(random, ['Nope', 42, 'x'.repeat(5000), null, {}]),
      });
    case 11:
      return {
        kind: 'http: body over the limit',
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: JSON.stringify({ query, variables: { pad: 'x'.repeat(110_000) } }),
      };
    case 12:
      return graphql('http: extensions', query, undefined, {
        extensions: pick(random, ['x', [], { persistedQuery: [] }, { a: { b: { c: {} } } }]),
      });
    case 13:
      return rawRequest(
        'raw: not HTTP',
        pick(random, [
          'GARBAGE\r\n\r\n',
          'GET / HTTP/9.9\r\n\r\n',
          '\u0000\u0001\u0002\r\n\r\n',
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
          'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
        ]),
      );
    case 14:
      return rawRequest(
        'raw: header too large',
        `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
    default:
      return rawRequest(
        'raw: content length lies',
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n${JSON.stringify({ query })}`,
      );
  }
}

/** `count` hostile requests of every kind, the same for the same seed. */
export function* hostileRequests(seed: number, count: number): Generator<HostileRequest> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const family = random();
    if (family < 0.45) yield documentCase(random);
    else if (family < 0.75) yield variablesCase(random);
    else yield httpCase(random);
  }
}

/** Distinct small documents padded with a comment to about `size` characters: the document cache's worst case. */
export function* paddedDocuments(seed: number, count: number, size = 9_500): Generator<HostileRequest> {
  const padding = 'x'.repeat(size);
  for (let i = 0; i < count; i++) {
    yield graphql('padded document', `{ __typename } # ${seed}-${i} ${padding}`);
  }
}
