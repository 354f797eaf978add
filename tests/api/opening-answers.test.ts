/**
 * The explorer page carries the answers to the opening requests it names, once the server
 * has them at hand (server/api/opening-answers.ts): the first page goes out as built and has
 * them made; the next carries them, each the very answer a POST of that body gets; nothing
 * is made for a curator's page; a `<` in an answer cannot close the script element.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IncomingMessage } from 'node:http';

import { HeaderMap } from '@apollo/server';

import { ownRequestKey, type GraphQLPostOptions } from '../../server/api/graphql-post';
import { answersElement, explorerPage, openingRequestsOf } from '../../server/api/opening-answers';
import { ResponseCache } from '../../server/api/response-cache';
import { type TestServer, startTestServer } from './test-server';

const REQUESTS = [
  JSON.stringify({ query: '{ stats { entityCount relationCount } }', variables: {} }),
  JSON.stringify({ query: 'query Name($id: ID!) { entity(id: $id) { id name } }', variables: { id: 'isis-k' } }),
];

const BUILT_PAGE = `<!doctype html><head><script type="application/json" id="opening-requests">${JSON.stringify(
  REQUESTS,
).replaceAll('<', '\\u003c')}</script></head><div id="root"></div>`;

async function builtClient(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kg-opening-'));
  await writeFile(path.join(dir, 'index.html'), BUILT_PAGE);
  return dir;
}

const answersIn = (page: string): unknown[] | null => {
  const found = /<script type="application\/json" id="opening-answers">([^<]*)<\/script>/.exec(page);
  return found ? (JSON.parse(found[1]!) as unknown[]) : null;
};

/** Pages until one carries its answers (they are made in the background after the first). */
async function pageWithAnswers(url: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = await (await fetch(url)).text();
    if (answersIn(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The page never carried its opening answers.');
}

describe('the explorer page with its opening answers', () => {
  let api: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await builtClient();
    api = await startTestServer({ staticDir });
  });
  afterAll(() => api.close());

  it('reads the requests a built page names, and none from a page that names none or garbles them', () => {
    expect(
      openingRequestsOf(`<script type="application/json" id="opening-requests">${JSON.stringify(REQUESTS)}</script>`),
    ).toEqual(REQUESTS);
    expect(openingRequestsOf('<!doctype html><div id="root"></div>')).toEqual([]);
    expect(openingRequestsOf('<script type="application/json" id="opening-requests">[1, 2</script>')).toEqual([]);
  });

  it('sends the first page as built, then pages carrying each answer a POST of the same body gets', async () => {
    const first = await (await fetch(`${api.server.url}/`)).text();
    expect(answersIn(first)).toBeNull();
    const page = await pageWithAnswers(`${api.server.url}/`);
    const posted = await Promise.all(
      REQUESTS.map(async (body) => {
        const response = await fetch(api.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return response.json();
      }),
    );
    expect(answersIn(page)).toEqual(posted);
    expect(posted[0]).toEqual({
      data: { stats: { entityCount: api.index.graph.order, relationCount: api.index.graph.size } },
    });
    // A client route gets the same page.
    expect(answersIn(await (await fetch(`${api.server.url}/sources`)).text())).toEqual(posted);
  });

  it('sends the page a rebuild wrote while the server runs', async () => {
    const rebuilt = '<!doctype html><title>Rebuilt</title><div id="root"></div>';
    await writeFile(path.join(staticDir, 'index.html'), rebuilt);
    // A file system may keep whole-second modification times: wait until the new one shows.
    for (let attempt = 0; attempt < 40; attempt++) {
      if ((await (await fetch(`${api.server.url}/`)).text()) === rebuilt) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writeFile(path.join(staticDir, 'index.html'), rebuilt);
    }
    expect(await (await fetch(`${api.server.url}/`)).text()).toBe(rebuilt);
    await writeFile(path.join(staticDir, 'index.html'), BUILT_PAGE);
  });

  it('keeps a "<" in an answer from closing the script element, and reads back the same answers', () => {
    const answers = [{ data: { quote: 'a </script><script>alert(1)</script> b' } }, { data: { n: 1 } }];
    const element = answersElement(answers.map((answer) => JSON.stringify(answer)));
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(answersIn(element)).toEqual(answers);
  });
});

describe('a curator’s explorer page', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ staticDir: await builtClient() });
  });
  afterAll(() => api.close());

  it('has nothing made for it: its answers could hold what only a curator sees', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await (
        await fetch(`${api.server.url}/`, { headers: { cookie: 'curator_session=anything' } })
      ).text();
      expect(answersIn(page)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Nobody else asked: a plain page is still the first, without answers.
    expect(answersIn(await (await fetch(`${api.server.url}/`)).text())).toBeNull();
  });
});

describe('answering the opening requests in the background', () => {
  it('runs each request once however many pages are asked for while it is being answered', async () => {
    let executions = 0;
    let finish = () => undefined as void;
    const answered = new Promise<void>((resolve) => (finish = resolve));
    const apollo = {
      executeHTTPGraphQLRequest: async () => {
        executions += 1;
        await answered;
        return { status: 200, headers: new HeaderMap(), body: { kind: 'complete', string: '{"data":{}}' } };
      },
    };
    const post = {
      apollo,
      cache: new ResponseCache(() => 'v1'),
      context: () => ({}),
      personal: () => false,
    } as unknown as GraphQLPostOptions;
    const page = explorerPage(path.join(await builtClient(), 'index.html'), post)!;
    const req = { headers: {} } as IncomingMessage;
    for (let visit = 0; visit < 5; visit++) expect(page(req)).toBe(BUILT_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(executions).toBe(REQUESTS.length);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Answered but not kept (no plugin marked them complete here): the next page asks again.
    page(req);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(executions).toBe(2 * REQUESTS.length);
  });

  it('sends the same page while its answers stay, and the new answers once the data changed', async () => {
    let version = 'v1';
    const cache = new ResponseCache(() => version);
    const post = { cache, personal: () => false } as unknown as GraphQLPostOptions;
    const keep = (n: number) =>
      REQUESTS.forEach((body, index) =>
        cache.set(version, ownRequestKey(body), {
          status: 200,
          headers: [],
          body: Buffer.from(JSON.stringify({ data: { n, index } })),
        }),
      );
    const page = explorerPage(path.join(await builtClient(), 'index.html'), post)!;
    const req = { headers: {} } as IncomingMessage;
    keep(1);
    const first = page(req);
    expect(answersIn(first)).toEqual([{ data: { n: 1, index: 0 } }, { data: { n: 1, index: 1 } }]);
    expect(page(req)).toBe(first);
    version = 'v2';
    keep(2);
    expect(answersIn(page(req))).toEqual([{ data: { n: 2, index: 0 } }, { data: { n: 2, index: 1 } }]);
  });
});
