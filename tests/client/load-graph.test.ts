/**
 * The client's loader against the real API: the shipped graph, which the API's overview holds
 * whole, and a generated graph too large for that overview but small enough to draw whole,
 * which comes page by page until hasNextPage is false. Either way every entity and relation,
 * each entity placed by the server's layout, the same way on every load.
 */
import { startServer, type RunningServer } from '../../server/api/server';
import { chooseGraphScope } from '../../client/src/core/bounded-view';
import { generatedGraph } from '../support/generated-graph';
import { createApiClient } from '../../client/src/api/client';
import { loadGraphData, loadGraphDataInStages, PAGE_SIZE, type LoadProgress } from '../../client/src/api/load-graph';
import { sourcesFilter } from '../../client/src/core/filters/sources';
import { parseExplorerUrl, sanitizeExplorerState } from '../../client/src/core/url-state';
import { buildRenderGraph } from '../../client/src/core/graph-building';
import { fetchRelationCitations } from '../../client/src/api/relation-citations';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('loading the whole graph through the API', () => {
  it('gets every entity and relation the API counts, placed', async () => {
    const progress: LoadProgress[] = [];
    const data = await loadGraphData(createApiClient(`${server.url}/graphql`), (step) => progress.push(step));
    expect(data.entities).toHaveLength(data.stats.entityCount);
    expect(data.relations).toHaveLength(data.stats.relationCount);
    expect(data.danglingRelationIds).toEqual([]);
    expect(progress.at(-1)).toMatchObject({
      entities: data.stats.entityCount,
      relations: data.stats.relationCount,
    });
    expect(data.bounded).toBeNull();

    const isisk = data.entityById.get('isis-k');
    expect(isisk?.aliases).toContain('ISKP');
    for (const relation of data.relations) {
      expect(relation.corroboration).toBe(relation.sourceIds.length);
    }

    const graph = buildRenderGraph(data);
    expect(graph.order).toBe(data.stats.entityCount);
    expect(graph.size).toBe(data.stats.relationCount);
    expect([...data.positions!.keys()].sort()).toEqual(data.entities.map((entity) => entity.id));
    for (const entity of data.entities) {
      expect(graph.getNodeAttributes(entity.id)).toMatchObject(data.positions!.get(entity.id)!);
    }
    const again = await loadGraphData(createApiClient(`${server.url}/graphql`));
    expect(again.positions).toEqual(data.positions);
  }, 30_000);

  it('asks the citations the graph leaves out for the relations named, in batches the API accepts', async () => {
    const client = createApiClient(`${server.url}/graphql`);
    const data = await loadGraphData(client);
    // More ids than one request may carry (RelationFilter.ids: at most 100), each once.
    const ids = [...data.relations.map((relation) => relation.id), data.relations[0]!.id];
    expect(ids.length).toBeGreaterThan(200);
    const citations = await fetchRelationCitations(client, ids);
    expect([...citations.keys()].sort()).toEqual(data.relations.map((relation) => relation.id));
    for (const relation of data.relations) {
      const cited = citations.get(relation.id)!;
      expect(cited.length).toBeGreaterThan(0);
      expect([...new Set(cited.map((citation) => citation.sourceId))].sort()).toEqual(relation.sourceIds);
      for (const citation of cited) expect(citation.end - citation.start).toBe(citation.quote.length);
    }
    expect((await fetchRelationCitations(client, [])).size).toBe(0);
  }, 30_000);

  it('pages through a graph drawn whole that the overview does not hold whole, and places every entity', async () => {
    const generated = await startServer({
      port: 0,
      host: '127.0.0.1',
      knowledgeGraph: await generatedGraph({ entities: 900, relations: 1_800, sources: 30, seed: 9 }),
    });
    try {
      // Laid out in a worker since the server began listening; on a busy machine, longer than a request may wait.
      await generated.layoutsPrepared;
      const progress: LoadProgress[] = [];
      const data = await loadGraphData(createApiClient(`${generated.url}/graphql`), (step) => progress.push(step));
      expect(chooseGraphScope(data.stats)).toBe('whole');
      expect(data.bounded).toBeNull();
      expect(data.entities).toHaveLength(data.stats.entityCount);
      expect(data.relations).toHaveLength(data.stats.relationCount);
      expect(data.stats.relationCount).toBeGreaterThan(PAGE_SIZE);
      expect(progress.length).toBeGreaterThan(2);
      expect([...data.positions!.keys()].sort()).toEqual(data.entities.map((entity) => entity.id));
    } finally {
      await generated.close();
    }
  }, 60_000);

  it('draws a graph with the seed’s few sources from one stage: every source is in at once', async () => {
    const stages = loadGraphDataInStages(createApiClient(`${server.url}/graphql`));
    const first = await stages.first;
    expect(first.sourcesComplete).toBe(true);
    expect(first.sources).toHaveLength(first.stats.sourceCount);
    await expect(stages.complete).resolves.toBe(first);
  });

  it('draws a bounded graph with more sources than a page before the rest of them are in, then completes them', async () => {
    const generated = await startServer({
      port: 0,
      host: '127.0.0.1',
      knowledgeGraph: await generatedGraph({ entities: 2_100, relations: 2_600, sources: 700, seed: 9 }),
    });
    const realFetch = globalThis.fetch;
    try {
      await generated.layoutsPrepared;
      // The second stage asks for its pages only once let (graph-load.ts: after the first frame).
      let letSecondStage!: () => void;
      const secondStageWhen = new Promise<void>((resolve) => (letSecondStage = resolve));
      const sourcePagesAsked = () => asked.filter((body) => body.includes('query SourcesPage')).length;
      const asked: string[] = [];
      globalThis.fetch = (input, init) => {
        if (typeof init?.body === 'string') asked.push(init.body);
        return realFetch(input, init);
      };
      const stages = loadGraphDataInStages(createApiClient(`${generated.url}/graphql`), undefined, secondStageWhen);
      const first = await stages.first;
      expect(chooseGraphScope(first.stats)).toBe('bounded');
      expect(first.stats.sourceCount).toBe(700);
      expect(first.sourcesComplete).toBe(false);
      expect(first.sources.length).toBeGreaterThan(0);
      expect(first.sources.length).toBeLessThan(700);
      let completed = false;
      void stages.complete.then(() => (completed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({ sourcePages: sourcePagesAsked(), completed }).toEqual({ sourcePages: 1, completed: false });
      letSecondStage();
      const complete = await stages.complete;
      expect(sourcePagesAsked()).toBeGreaterThan(1);
      expect(complete.sourcesComplete).toBe(true);
      expect(complete.sources.map((source) => source.id).sort()).toEqual(
        [...new Set(complete.sources.map((source) => source.id))].sort(),
      );
      expect(complete.sources).toHaveLength(700);
      expect(complete.sourceById.size).toBe(700);
      // The second stage adds sources and changes nothing drawn.
      expect(complete.entities).toBe(first.entities);
      expect(complete.relations).toBe(first.relations);
      expect(complete.positions).toBe(first.positions);

      // A link naming a source not among the first page's is kept until every source is in,
      // then dropped with a word for the reader when it is none of them.
      const unseen = complete.sources.find((source) => !first.sourceById.has(source.id))!.id;
      const named = [unseen, 'no-such-source'];
      expect(sourcesFilter.clean(named, first)).toEqual({ value: named, problems: [] });
      const cleaned = sourcesFilter.clean(named, complete);
      expect(cleaned.value).toEqual([unseen]);
      expect(cleaned.problems.join(' ')).toContain('no-such-source');
      const comparing = parseExplorerUrl(`?compare=${unseen},no-such-source`);
      expect(sanitizeExplorerState(comparing, first)).toMatchObject({
        state: { compare: { a: unseen, b: 'no-such-source' } },
        problems: [],
      });
      const compared = sanitizeExplorerState(comparing, complete);
      expect(compared.state.compare).toEqual({ a: unseen, b: null });
      expect(compared.problems.join(' ')).toContain('no-such-source');
    } finally {
      globalThis.fetch = realFetch;
      await generated.close();
    }
  }, 90_000);

  it('names the API and the way out when the API cannot be reached', async () => {
    const client = createApiClient('http://127.0.0.1:9/graphql');
    await expect(loadGraphData(client)).rejects.toThrow(/Could not reach the API at \/graphql .*npm start/);
  });
});
