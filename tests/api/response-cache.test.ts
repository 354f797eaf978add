import { loadGraphData } from '../../server/data/load-graph-data';
import type { KnowledgeGraph } from '../../server/data/model';
import { ResponseCache, isCacheableRequest, responseCacheKey } from '../../server/api/response-cache';
import { withEntityRenamed } from '../support/renamed-entity';
import { type TestServer, startTestServer } from './test-server';

const NAME = '{ entity(id: "isis-k") { name } }';

/** The shipped graph with ISIS-K renamed: a copy, so the original stays as loaded. */
const renamed = (knowledgeGraph: KnowledgeGraph, name: string) => withEntityRenamed(knowledgeGraph, 'isis-k', name);

describe('the response cache over HTTP', () => {
  let api: TestServer;
  let shipped: KnowledgeGraph;
  /** The graph served first: a copy of its own, which tests change in place to see whether answers are cached. */
  let served: KnowledgeGraph;
  beforeAll(async () => {
    shipped = await loadGraphData();
    served = renamed(shipped, 'ISIS-K');
    api = await startTestServer({ knowledgeGraph: served });
  });
  afterAll(() => api.close());

  it('sends a repeated request the answer it made the first time', async () => {
    const query = '{ entity(id: "isis-k") { name description } }';
    const first = await api.query(query);
    expect(first.data.entity.name).toBe('ISIS-K');
    // Changed behind the server's back, without a new data version: the answer comes from the cache.
    served.graph.mergeNodeAttributes('isis-k', { description: 'changed in place' });
    const second = await api.query(query);
    expect(second.data).toEqual(first.data);
    expect(second.data.entity.description).not.toBe('changed in place');
  });

  it('never sends an answer made from data that has since changed', async () => {
    expect((await api.query(NAME)).data.entity.name).toBe('ISIS-K');
    const before = api.server.dataVersion;

    api.server.replaceGraph(renamed(shipped, 'Islamic State Khorasan'));
    expect(api.server.dataVersion).not.toBe(before);
    expect((await api.query(NAME)).data.entity.name).toBe('Islamic State Khorasan');

    api.server.replaceGraph(renamed(shipped, 'ISIS-K'));
    expect(api.server.dataVersion).toBe(before);
    expect((await api.query(NAME)).data.entity.name).toBe('ISIS-K');
  });

  it('an entity missing from the data is found once the data has it', async () => {
    const query = '{ entity(id: "new-entity") { name } }';
    expect((await api.query(query)).data.entity).toBeNull();
    const graph = shipped.graph.copy();
    graph.addNode('new-entity', { id: 'new-entity', type: 'group', name: 'New entity', aliases: [], description: '' });
    api.server.replaceGraph({ ...shipped, graph });
    expect((await api.query(query)).data.entity.name).toBe('New entity');
  });

  it('does not keep answers with errors', async () => {
    const query = '{ neighborhood(id: "added-in-place", depth: 0) { entities { id } } }';
    api.server.replaceGraph(served);
    expect((await api.query(query)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Added in place, without a new data version: only a fresh answer can show it.
    const entity = { id: 'added-in-place', type: 'group', name: 'Added', aliases: [], description: '' };
    served.graph.addNode('added-in-place', entity);
    const again = await api.query(query);
    expect(again.errors).toBeUndefined();
    expect(again.data.neighborhood.entities).toEqual([{ id: 'added-in-place' }]);
  });
});

describe('ResponseCache', () => {
  const answer = (bytes: number) => ({ status: 200, headers: [], body: Buffer.alloc(bytes) });

  it('holds no more bytes than its bound, dropping the least recently used answers', () => {
    const cache = new ResponseCache(() => 'v1', 10_000);
    for (let i = 0; i < 100; i++) cache.set('v1', `key ${i}`, answer(1000));
    expect(cache.size).toBeLessThanOrEqual(10_000);
    expect(cache.get('key 99')).toBeDefined();
    expect(cache.get('key 0')).toBeUndefined();
  });

  it('drops every answer when the data version changes, and ignores answers made from an older one', () => {
    let version = 'v1';
    const cache = new ResponseCache(() => version);
    cache.set('v1', 'a', answer(10));
    expect(cache.get('a')).toBeDefined();
    version = 'v2';
    expect(cache.get('a')).toBeUndefined();
    cache.set('v1', 'b', answer(10));
    expect(cache.get('b')).toBeUndefined();
    cache.set('v2', 'b', answer(10));
    expect(cache.get('b')).toBeDefined();
  });

  it('keeps nothing when its bound is 0', () => {
    const cache = new ResponseCache(() => 'v1', 0);
    cache.set('v1', 'a', answer(10));
    expect(cache.get('a')).toBeUndefined();
  });

  it('keys requests by their body as sent and their Accept header', () => {
    const body = JSON.stringify({ query: '{ stats { entityCount } }', variables: { id: 'x' } });
    expect(responseCacheKey(body, 'application/json')).toBe(responseCacheKey(`${body}`, 'application/json'));
    expect(responseCacheKey(body, 'application/json')).not.toBe(responseCacheKey(body, undefined));
    expect(responseCacheKey(body, undefined)).not.toBe(responseCacheKey(body.replace('"x"', '"y"'), undefined));
  });

  it('caches plain GraphQL requests only: no batches, persisted queries or odd shapes', () => {
    const request = { query: '{ stats { entityCount } }', variables: { id: 'x' } };
    expect(isCacheableRequest(request)).toBe(true);
    expect(isCacheableRequest({ ...request, operationName: 'Stats' })).toBe(true);
    expect(isCacheableRequest([request])).toBe(false);
    expect(isCacheableRequest({ ...request, extensions: { persistedQuery: {} } })).toBe(false);
    expect(isCacheableRequest({ variables: {} })).toBe(false);
    expect(isCacheableRequest({ ...request, variables: [1] })).toBe(false);
    expect(isCacheableRequest('{ stats { entityCount } }')).toBe(false);
  });
});
