/**
 * The client's cache and a curator's change: a mutation drops every cached answer, an empty
 * one (which names no type urql could match) included, so nothing shown after a change is
 * from before it.
 */
import { createApiClient } from '../../client/src/api/client';
import { apiDocument } from '../../client/src/api/documents';
import { SearchEntitiesDocument } from '../../client/src/api/generated/graphql';
import { type RunningServer, startServer } from '../../server/api/server';
import { emptyStaticDir } from '../api/test-server';
import { tempGraphData, WRITE_TEST_TIMEOUT } from './temp-graph-data';

const TOKEN = 'a-curator-token-for-tests-only';
let temp: Awaited<ReturnType<typeof tempGraphData>>;
let server: RunningServer;

beforeAll(async () => {
  temp = await tempGraphData();
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    graphDataDir: temp.dir,
    curatorToken: TOKEN,
    staticDir: await emptyStaticDir(),
  });
});
afterAll(async () => {
  await server.close();
  await temp.cleanUp();
});

test(
  'a change drops the cached answers: a search that found nothing finds the new entity at once',
  async () => {
    const signIn = await fetch(`${server.url}/curator/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, name: 'Ada' }),
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const client = createApiClient(`${server.url}/graphql`);
    const search = () => client.query(apiDocument(SearchEntitiesDocument), { text: 'Qwxyzzy', first: 5 }).toPromise();

    const before = await search();
    expect(before.data?.search).toEqual([]);
    const cached = await search();
    expect(cached.operation.context.meta?.cacheOutcome).toBe('hit');

    const { dataVersion } = (await client.query('{ dataVersion }', {}).toPromise()).data as { dataVersion: string };
    const change = await client
      .mutation(
        `mutation($base: String!) { addEntity(baseVersion: $base, entity: { type: "organization", name: "Qwxyzzy Ferry Board",
        description: "The council that runs the harbour." }) { dataVersion } }`,
        { base: dataVersion },
        { fetchOptions: { headers: { cookie, 'x-csrf-token': csrfToken } } },
      )
      .toPromise();
    expect(change.error).toBeUndefined();

    const after = await search();
    expect(after.operation.context.meta?.cacheOutcome).toBe('miss');
    expect(after.data?.search.map((hit) => hit.id)).toContain('qwxyzzy-ferry-board');
  },
  WRITE_TEST_TIMEOUT,
);
