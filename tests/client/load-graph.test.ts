/**
 * The client's loader against the real API over the shipped graph: paging until
 * hasNextPage is false gives every entity and relation, each placed by the server's layout,
 * the same way on every load.
 */
import { startServer, type RunningServer } from '../../server/api/server';
import { createApiClient } from '../../client/src/api/client';
import { loadGraphData, PAGE_SIZE, type LoadProgress } from '../../client/src/api/load-graph';
import { buildRenderGraph } from '../../client/src/core/graph-building';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('loading the whole graph through the API', () => {
  it('gets every entity and relation the API counts, in pages', async () => {
    const progress: LoadProgress[] = [];
    const data = await loadGraphData(createApiClient(`${server.url}/graphql`), (step) => progress.push(step));
    expect(data.entities).toHaveLength(data.stats.entityCount);
    expect(data.relations).toHaveLength(data.stats.relationCount);
    expect(data.danglingRelationIds).toEqual([]);
    expect(progress.at(-1)).toMatchObject({
      entities: data.stats.entityCount,
      relations: data.stats.relationCount,
    });
    expect(PAGE_SIZE).toBe(400);

    const isisk = data.entityById.get('isis-k');
    expect(isisk?.aliases).toContain('ISKP');
    for (const relation of data.relations) {
      expect(relation.corroboration).toBe(relation.sourceIds.length);
      expect(relation.citations.length).toBeGreaterThan(0);
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

  it('names the API and the way out when the API cannot be reached', async () => {
    const client = createApiClient('http://127.0.0.1:9/graphql');
    await expect(loadGraphData(client)).rejects.toThrow(/Could not reach the API at \/graphql .*npm start/);
  });
});
