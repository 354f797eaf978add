/**
 * The explorer page carries the answers to the opening requests it names, once the server
 * has them at hand (server/api/opening-answers.ts): the first page goes out as built and has
 * them made; the next carries them, each the very answer a POST of that body gets; they are
 * made at a start and again for each graph swapped in; nothing is made for a curator's page;
 * a `<` in an answer cannot close the script element.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IncomingMessage } from 'node:http';

import { HeaderMap } from '@apollo/server';

import { ownRequestKey, type GraphQLPostOptions } from '../../server/api/graphql-post';
import { answersElement, explorerPage, openingRequestsOf } from '../../server/api/opening-answers';
import { ResponseCache } from '../../server/api/response-cache';
import { withEntityRenamed } from '../support/renamed-entity';
import { type TestServer, startTestServer } from './test-server';

const REQUESTS = [
  JSON.stringify({ query: '{ stats { entityCount relationCount } }', variables: {} }),
  JSON.stringify({ query: 'query Name($id: ID!) { entity(id: $id) { id name } }', variables: { id: 'isis-k' } }),
];

/** A built page naming `requests` as its opening requests. */
const builtPage = (requests: string[], title = 'Built') =>
  `<!doctype html><head><title>${title}</title><script type="application/json" id="opening-requests">${JSON.stringify(
    requests,
  ).replaceAll('<', '\\u003c')}</script></head><div id="root"></div>`;

const BUILT_PAGE = builtPage(REQUESTS);

/** What a rebuild may name instead: requests no page has asked yet. */
const REBUILT_REQUESTS = [JSON.stringify({ query: '{ stats { sourceCount } }', variables: {} })];

async function builtClient(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kg-opening-'));
  await writeFile(path.join(dir, 'index.html'), BUILT_PAGE);
  return dir;
}

/**
 * Writes `page` as the built page and waits until the server sends it (a file system may keep
 * whole-second modification times, and the server reads the page again when its time changes);
 * the first page sent that `served` accepts.
 */
async function rebuild(
  api: TestServer,
  staticDir: string,
  page: string,
  served: (text: string) => boolean,
  headers: Record<string, string> = {},
): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await writeFile(path.join(staticDir, 'index.html'), page);
    const text = await (await fetch(`${api.server.url}/`, { headers })).text();
    if (served(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The server never sent the rebuilt page.');
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

  it('makes the answers once the server is up: the first page carries each answer a POST of the same body gets', async () => {
    await api.server.openingAnswersPrepared;
    const page = await (await fetch(`${api.server.url}/`)).text();
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
    await rebuild(api, staticDir, rebuilt, (text) => text === rebuilt);
    expect(await (await fetch(`${api.server.url}/`)).text()).toBe(rebuilt);
    await writeFile(path.join(staticDir, 'index.html'), BUILT_PAGE);
  });

  it('sends the first page naming requests not yet answered as built, and has them answered for the next', async () => {
    await api.server.openingAnswersPrepared;
    const rebuilt = builtPage(REBUILT_REQUESTS, 'Rebuilt');
    // The first page of the rebuild goes out at once, without waiting for its answers.
    const first = await rebuild(api, staticDir, rebuilt, (text) => text.includes('<title>Rebuilt</title>'));
    expect(answersIn(first)).toBeNull();
    const page = await pageWithAnswers(`${api.server.url}/`);
    expect(answersIn(page)).toEqual([{ data: { stats: { sourceCount: api.knowledgeGraph.sources.size } } }]);
    await writeFile(path.join(staticDir, 'index.html'), BUILT_PAGE);
  });

  it('makes the answers again for a graph swapped in (a curator’s change): the first page after it carries the new answers', async () => {
    const renamed = withEntityRenamed(api.knowledgeGraph, 'isis-k', 'Islamic State Khorasan Province');
    try {
      await api.server.replaceGraph(renamed);
      const page = await (await fetch(`${api.server.url}/`)).text();
      expect(answersIn(page)?.[1]).toEqual({
        data: { entity: { id: 'isis-k', name: 'Islamic State Khorasan Province' } },
      });
    } finally {
      await api.server.replaceGraph(api.knowledgeGraph);
    }
    expect(answersIn(await (await fetch(`${api.server.url}/`)).text())?.[1]).toEqual({
      data: { entity: { id: 'isis-k', name: api.knowledgeGraph.graph.getNodeAttribute('isis-k', 'name') } },
    });
  });

  it('keeps a "<" in an answer from closing the script element, and reads back the same answers', () => {
    const answers = [{ data: { quote: 'a </script><script>alert(1)</script> b' } }, { data: { n: 1 } }];
    const element = answersElement(answers.map((answer) => JSON.stringify(answer)));
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(answersIn(element)).toEqual(answers);
  });
});

describe('a server closed while the page’s answers are being made', () => {
  /** What `act` and the 100 ms after it logged as errors or warnings. */
  async function loggedDuring(act: () => Promise<unknown>): Promise<unknown[][]> {
    const logged: unknown[][] = [];
    const { error, warn } = console;
    console.error = (...args: unknown[]) => logged.push(args);
    console.warn = (...args: unknown[]) => logged.push(args);
    try {
      await act();
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      Object.assign(console, { error, warn });
    }
    return logged;
  }

  it('after a graph swap: begins no answers once closing, so none runs into the stopped API', async () => {
    const api = await startTestServer({ staticDir: await builtClient() });
    await api.server.openingAnswersPrepared;
    const logged = await loggedDuring(async () => {
      const swapped = api.server.replaceGraph(withEntityRenamed(api.knowledgeGraph, 'isis-k', 'Closing'));
      await api.close();
      await swapped;
    });
    expect(logged).toEqual([]);
  });
});

const CURATOR = { cookie: 'curator_session=anything' };

describe('a curator’s explorer page', () => {
  let api: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await builtClient();
    api = await startTestServer({ staticDir });
    await api.server.openingAnswersPrepared;
  });
  afterAll(() => api.close());

  it('has nothing made for it: its answers could hold what only a curator sees', async () => {
    // A rebuild naming requests nobody has asked: only the curator asks for the page then.
    const rebuilt = builtPage(REBUILT_REQUESTS, 'Rebuilt');
    await rebuild(api, staticDir, rebuilt, (text) => text.includes('<title>Rebuilt</title>'), CURATOR);
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await (await fetch(`${api.server.url}/`, { headers: CURATOR })).text();
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
