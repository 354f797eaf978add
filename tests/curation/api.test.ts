import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { type RunningServer, startServer } from '../../server/api/server';
import { emptyStaticDir } from '../api/test-server';
import { ARTICLE, selectionOf, tempGraphData, WRITE_TEST_TIMEOUT } from './temp-graph-data';

const TOKEN = 'a-curator-token-for-tests-only';
const ADD_ENTITY = `mutation($base: String!, $entity: NewEntityInput!) {
  addEntity(baseVersion: $base, entity: $entity) { dataVersion change { id by summary } }
}`;
const ADD_RELATION = `mutation($base: String!, $relation: NewRelationInput!, $newEntities: [NewEntityInput!]) {
  addRelation(baseVersion: $base, relation: $relation, newEntities: $newEntities) { dataVersion change { id by added } }
}`;
const ENTITY = { type: 'organization', name: 'Harbour Council', description: 'The council that runs the harbour.' };

let temp: Awaited<ReturnType<typeof tempGraphData>>;
let server: RunningServer;

interface Session {
  cookie: string;
  csrfToken: string;
}

async function start(curatorToken: string | null = TOKEN) {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    graphDataDir: temp.dir,
    curatorToken,
    staticDir: await emptyStaticDir(),
  });
}

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

async function signIn(name = 'Ada Curator'): Promise<Session> {
  const response = await fetch(`${server.url}/curator/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: TOKEN, name }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const body = (await response.json()) as { csrfToken: string; curator: string };
  expect(body.curator).toBe(name);
  return { cookie: cookie.split(';')[0]!, csrfToken: body.csrfToken };
}

const as = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

async function version(): Promise<string> {
  return (await graphql('{ dataVersion }')).data.dataVersion;
}

async function uploadArticle(session: Session, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/curator/sources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...as(session) },
    body: JSON.stringify({ baseVersion: await version(), ...body }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

beforeEach(async () => {
  temp = await tempGraphData();
});
afterEach(async () => {
  await server?.close();
  await temp.cleanUp();
});

test(
  'without a curator token the API is read-only: a mutation is refused with CURATION_DISABLED and nothing is written',
  async () => {
    server = await start(null);
    const before = await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8');
    const result = await graphql(ADD_ENTITY, { base: await version(), entity: ENTITY });
    expect(result.errors?.[0]?.extensions.code).toBe('CURATION_DISABLED');
    expect(result.data).toBeNull();
    const signIn = await fetch(`${server.url}/curator/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, name: 'Ada' }),
    });
    expect(signIn.status).toBe(403);
    expect((await graphql('{ curation { enabled curator } }')).data.curation).toEqual({
      enabled: false,
      curator: null,
    });
    expect(await readFile(path.join(temp.dir, 'entities.yaml'), 'utf8')).toBe(before);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a mutation without a curator session, with a forged CSRF header, or from a form post is refused',
  async () => {
    server = await start();
    const base = await version();
    const noSession = await graphql(ADD_ENTITY, { base, entity: ENTITY });
    expect(noSession.errors?.[0]?.extensions.code).toBe('CURATOR_SESSION_REQUIRED');

    const wrongToken = await fetch(`${server.url}/curator/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'not-the-token', name: 'Mallory' }),
    });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.headers.get('set-cookie')).toBeNull();

    const session = await signIn();
    const noHeader = await graphql(ADD_ENTITY, { base, entity: ENTITY }, { cookie: session.cookie });
    expect(noHeader.errors?.[0]?.extensions.code).toBe('CSRF_TOKEN_INVALID');
    const forged = await graphql(
      ADD_ENTITY,
      { base, entity: ENTITY },
      { cookie: session.cookie, 'x-csrf-token': 'forged' },
    );
    expect(forged.errors?.[0]?.extensions.code).toBe('CSRF_TOKEN_INVALID');

    // A cross-site form can only send "simple" requests: Apollo's CSRF prevention refuses them.
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...as(session) },
      body: JSON.stringify({ query: ADD_ENTITY, variables: { base, entity: ENTITY } }),
    });
    expect(form.status).toBe(400);
    expect(await version()).toBe(base);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'a curator adds an article and a relation citing it; both are served at once, and after a restart',
  async () => {
    server = await start();
    const session = await signIn();
    const upload = await uploadArticle(session, {
      title: 'Harbour Council Approves New Ferry Route',
      publisher: 'Harbour Times',
      url: 'https://example.org/ferry',
      text: ARTICLE,
    });
    expect(upload.status).toBe(200);
    expect(upload.body.sourceId).toBe('harbour-council-approves-new-ferry-route');
    expect(upload.body.change.by).toBe('Ada Curator');

    const quote = 'The Harbour Council approved a ferry route to the northern islands on Tuesday, the council said.';
    const added = await graphql(
      ADD_RELATION,
      {
        base: upload.body.dataVersion,
        newEntities: [
          ENTITY,
          { type: 'place', name: 'Northern Islands', description: 'Islands north of the harbour.' },
        ],
        relation: {
          subject: 'harbour-council',
          type: 'operates_in',
          object: 'northern-islands',
          citations: [
            {
              source: upload.body.sourceId,
              ...selectionOf(ARTICLE, quote),
              quote,
              attributedToEntity: 'harbour-council',
            },
          ],
        },
      },
      as(session),
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addRelation.change.added).toEqual([
      'entity:harbour-council',
      'entity:northern-islands',
      'relation:harbour-council--operates_in--northern-islands',
    ]);

    const RELATION = `{ relation(id: "harbour-council--operates_in--northern-islands") {
    subject { name } citations { quote start end attributedTo { name } source { title url } } } }`;
    const served = await graphql(RELATION);
    expect(served.data.relation.citations[0]).toMatchObject({
      quote,
      ...selectionOf(ARTICLE, quote),
      attributedTo: { name: 'Harbour Council' },
      source: { title: 'Harbour Council Approves New Ferry Route', url: 'https://example.org/ferry' },
    });
    const changes = await graphql('{ changes { id by summary } }');
    expect(changes.data.changes.map((change: { id: number }) => change.id)).toEqual([2, 1]);

    await server.close();
    server = await start();
    expect((await graphql(RELATION)).data.relation.subject.name).toBe('Harbour Council');
    expect(await version()).toBe(added.data.addRelation.dataVersion);
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'refusals over the API: wrong offsets name the source and offsets, a stale version touching the same record is a conflict, an over-long article is refused',
  async () => {
    server = await start();
    const session = await signIn();
    const upload = await uploadArticle(session, { title: 'Harbour Council Approves New Ferry Route', text: ARTICLE });
    const base = upload.body.dataVersion;
    const cite = (start: number, end: number, quote?: string) =>
      graphql(
        `
          mutation ($base: String!, $citation: SelectionInput!) {
            addCitation(
              baseVersion: $base
              target: RELATION
              id: "isis-k--affiliate_of--islamic-state"
              citation: $citation
            ) {
              dataVersion
            }
          }
        `,
        { base, citation: { source: upload.body.sourceId, start, end, quote } },
        as(session),
      );
    const mismatch = await cite(0, 10, 'Harbour Council');
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'citation.0' });
    expect(mismatch.errors?.[0]?.message).toContain(
      'source "harbour-council-approves-new-ferry-route", offsets 0 to 10',
    );

    const sentence = selectionOf(ARTICLE, 'The Harbour Council approved the budget as well.');
    expect((await cite(sentence.start, sentence.end)).errors).toBeUndefined();
    const stale = await cite(0, 'Harbour Council Approves New Ferry Route'.length);
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('relation:isis-k--affiliate_of--islamic-state');

    const long = await uploadArticle(session, { title: 'Long', text: 'word '.repeat(41_000) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    const huge = await uploadArticle(session, { title: 'Huge', text: '漢'.repeat(300_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].message).toContain('over the limit');
  },
  WRITE_TEST_TIMEOUT,
);

test(
  'over the API an entity is retired, the retirement undone, and the log says which undo stands',
  async () => {
    server = await start();
    const session = await signIn();
    const added = await graphql(ADD_ENTITY, { base: await version(), entity: ENTITY }, as(session));
    const RETIRE = `mutation($base: String!, $target: RetirableRecordKind!, $id: ID!) {
    retire(baseVersion: $base, target: $target, id: $id, reason: "added by mistake") { dataVersion change { id } } }`;
    const hub = await graphql(
      RETIRE,
      { base: added.data.addEntity.dataVersion, target: 'ENTITY', id: 'isis-k' },
      as(session),
    );
    expect(hub.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(hub.errors?.[0]?.message).toContain('entity "isis-k" cannot be retired while live records refer to it');
    const retired = await graphql(
      RETIRE,
      { base: added.data.addEntity.dataVersion, target: 'ENTITY', id: 'harbour-council' },
      as(session),
    );
    expect(retired.errors).toBeUndefined();
    expect((await graphql('{ entity(id: "harbour-council") { id } }')).data.entity).toBeNull();
    const undone = await graphql(
      `
        mutation ($base: String!) {
          revertChange(baseVersion: $base, change: 2, reason: "retired by mistake") {
            dataVersion
          }
        }
      `,
      { base: retired.data.retire.dataVersion },
      as(session),
    );
    expect(undone.errors).toBeUndefined();
    expect((await graphql('{ entity(id: "harbour-council") { name } }')).data.entity.name).toBe('Harbour Council');
    const log = await graphql('{ changes { id reverts undoneBy } }');
    expect(log.data.changes).toEqual([
      { id: 3, reverts: 2, undoneBy: null },
      { id: 2, reverts: null, undoneBy: 3 },
      { id: 1, reverts: null, undoneBy: null },
    ]);
  },
  WRITE_TEST_TIMEOUT,
);
