import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type TestServer, startTestServer } from './test-server';

async function builtClient(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kg-client-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Explorer</title><div id="root"></div>');
  await writeFile(path.join(dir, 'app.js'), 'console.log("explorer");');
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'assets', 'explorer-C0ffee12.js'), 'console.log("hashed");');
  return dir;
}

describe('the server over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({
      staticDir: await builtClient(),
      corsOrigins: ['http://localhost:5173'],
      production: false,
    });
  });
  afterAll(() => api.close());

  it('lets browsers keep the hashed build assets for good, and revalidate the page and unhashed files', async () => {
    const hashed = await fetch(`${api.server.url}/assets/explorer-C0ffee12.js`);
    expect(hashed.status).toBe(200);
    expect(await hashed.text()).toBe('console.log("hashed");');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${api.server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).not.toContain('immutable');
    const unhashed = await fetch(`${api.server.url}/app.js`);
    expect(unhashed.headers.get('cache-control')).not.toContain('immutable');
    expect((await fetch(`${api.server.url}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('reports health with the size of the loaded graph', async () => {
    const response = await fetch(`${api.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      entities: api.index.graph.order,
      relations: api.index.graph.size,
    });
  });

  it('answers malformed JSON with a 400 and a GraphQL-shaped BAD_REQUEST error, and keeps serving', async () => {
    const response = await api.post('{"query": "{ stats { entityCount } }"');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_REQUEST' } }],
    });
    const { data } = await api.query('{ stats { entityCount } }');
    expect(data.stats.entityCount).toBe(api.index.graph.order);
  });

  it('answers a GraphQL syntax error with a 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, errors } = await api.query('{ stats { entityCount }');
    expect(status).toBe(400);
    expect(errors![0]!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a body without a query with a 400', async () => {
    const response = await api.post('{}');
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses an unknown mutation and any subscription with a 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const mutation = await api.query(`mutation { deleteEverything }`);
    expect(mutation.status).toBe(400);
    expect(mutation.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const subscription = await api.query(`subscription { stats { entityCount } }`);
    expect(subscription.status).toBe(400);
    expect(subscription.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(subscription.errors?.[0]?.message).toMatch(/read-only: it has no subscription/);
  });

  it('refuses a curation mutation on a server without a curator token with CURATION_DISABLED', async () => {
    const { errors } = await api.query(
      `mutation { addAlias(baseVersion: "x", entity: "isis-k", alias: "Another") { dataVersion } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe('CURATION_DISABLED');
  });

  it('answers a path with broken percent-encoding with a 400, not a 500', async () => {
    const response = await fetch(`${api.server.url}/sources/%E0%A4%A`);
    expect(response.status).toBe(400);
    const health = await fetch(`${api.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('refuses a mutation sent by GET with a 4xx', async () => {
    const url = `${api.graphqlUrl}?query=${encodeURIComponent('mutation { stats { entityCount } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await response.json()).errors[0].extensions.code).toBeDefined();
  });

  it('answers a GET query that carries a preflight header, and blocks one that does not (CSRF)', async () => {
    const url = `${api.graphqlUrl}?query=${encodeURIComponent('{ stats { entityCount } }')}`;
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    expect((await blocked.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('blocks a text/plain POST, the kind a form on another site could send', async () => {
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ stats { entityCount } }' }),
    });
    expect(response.status).toBe(400);
  });

  it('allows cross-origin calls only from the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(api.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the built client, and index.html for client routes so a reload finds the page', async () => {
    for (const route of ['/', '/source/bbc-what-is-isis-k', '/entity/isis-k']) {
      const response = await fetch(`${api.server.url}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    const script = await fetch(`${api.server.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing asset with a 404, not with the app page', async () => {
    const response = await fetch(`${api.server.url}/assets/missing.js`);
    expect(response.status).toBe(404);
  });

  it('offers the sandbox landing page outside production', async () => {
    const response = await fetch(api.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);
  });

  it('shows field suggestions and stack traces outside production, to help development', async () => {
    const { errors } = await api.query('{ entity(id: "isis-k") { nam } }');
    expect(errors![0]!.message).toMatch(/Did you mean "name"/);
    expect(errors![0]!.extensions?.stacktrace).toBeDefined();
  });
});

describe('the server without a built client', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it('says how to build it', async () => {
    const response = await fetch(`${api.server.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });

  it('still serves the API', async () => {
    const { data } = await api.query('{ stats { sourceCount } }');
    expect(data.stats.sourceCount).toBe(api.knowledgeGraph.sources.size);
  });
});

describe('the server in production', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ production: true });
  });
  afterAll(() => api.close());

  it('hides field suggestions and stack traces', async () => {
    const { errors } = await api.query('{ entity(id: "isis-k") { nam } }');
    expect(errors![0]!.message).not.toMatch(/Did you mean/);
    expect(errors![0]!.extensions?.stacktrace).toBeUndefined();
    const bad = await api.query('{ neighborhood(id: "atlantis") { truncated } }');
    expect(bad.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('offers no sandbox landing page', async () => {
    const response = await fetch(api.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<html/i);
  });

  it('still allows introspection', async () => {
    const { data } = await api.query('{ __type(name: "Entity") { fields { name } } }');
    expect(data.__type.fields.length).toBeGreaterThan(0);
  });
});

describe('stopping the server', () => {
  it('closes the port', async () => {
    const api = await startTestServer();
    const url = `${api.server.url}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    await api.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
