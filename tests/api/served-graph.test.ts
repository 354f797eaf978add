import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

import { ServedGraph } from '../../server/api/served-graph';
import { loadGraphDataWithSnapshot } from '../../server/data/snapshot';
import { RestoredRelation } from '../../server/data/snapshot-relations';
import { writeSyntheticGraphData } from '../../server/scripts/synthetic-graph-data';
import { overview } from '../../server/graph/overview';
import { sourceCounts, sourcesPage } from '../../server/graph/sources';
import { syntheticGraph } from '../support/in-memory-graph';

describe('a served graph given what an earlier run derived from the same graph (a restart from its snapshot)', () => {
  test('takes the stored lists and ranking, and answers as a graph indexed anew', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const first = new ServedGraph(knowledgeGraph);
    // As the snapshot keeps it: through v8.serialize and back.
    const derived = deserialize(serialize(first.derived())) as ReturnType<ServedGraph['derived']>;
    const restarted = new ServedGraph(knowledgeGraph, first.version, derived);
    expect(restarted.derived().overviewRanking).toBe(derived.overviewRanking);
    const stored = derived.groupedLists as typeof restarted.index.groupedLists;
    expect(restarted.index.groupedLists.relationsOfEntity).toBe(stored.relationsOfEntity);
    expect(restarted.index.relationsByEntity).toEqual(first.index.relationsByEntity);
    expect(restarted.index.entitiesBySource).toEqual(first.index.entitiesBySource);
    expect(overview(restarted.index, 500, 2000)).toEqual(overview(first.index, 500, 2000));
  });

  test('indexes anew when what it is given is not what it derives', () => {
    const knowledgeGraph = syntheticGraph(2_000, 10_000, 40);
    const first = new ServedGraph(knowledgeGraph);
    for (const derived of [null, 'derived', { groupedLists: 1, overviewRanking: [] }]) {
      const restarted = new ServedGraph(knowledgeGraph, first.version, derived);
      expect(restarted.index.relationsByEntity).toEqual(first.index.relationsByEntity);
      expect(overview(restarted.index, 500, 2000)).toEqual(overview(first.index, 500, 2000));
    }
  });
});

describe('a graph restarted from its snapshot makes its relations’ citations and dates when they are first read', () => {
  // Larger than the whole graph the overview shows, so that it is a bounded one.
  let dir: string;
  let data: string;
  let cache: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'served-graph-'));
    [data, cache] = [join(dir, 'graph'), join(dir, 'cache')];
    await writeSyntheticGraphData(data, { entities: 3000, relations: 6000, sources: 60, seed: 5 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('indexing it and answering the overview read none; a relation read makes its own, once, as loaded', async () => {
    const cold = await loadGraphDataWithSnapshot(data, cache);
    const first = new ServedGraph(cold.knowledgeGraph, cold.dataVersion);
    expect(await cold.saveSnapshot(first.derived())).toBe('written');

    const restart = await loadGraphDataWithSnapshot(data, cache);
    expect(restart.snapshot).toBe('read');
    const restored = restart.knowledgeGraph.graph;
    const made = () => restored.filterEdges((_id, relation) => RestoredRelation.bodyMade(relation as RestoredRelation));
    expect(restored.everyEdge((_id, relation) => relation instanceof RestoredRelation)).toBe(true);
    const served = new ServedGraph(restart.knowledgeGraph, restart.dataVersion, restart.derived);
    const shown = overview(served.index, 500, 2000);
    expect(shown.relations.length).toBeGreaterThan(0);
    // The overview ranks the relations among the entities it shows (citations break ties): those at most.
    const inView = new Set(shown.entities.map((entity) => entity.id));
    const among = (id: string) => inView.has(restored.source(id)) && inView.has(restored.target(id));
    expect(shown.relations.length).toBeLessThan(restored.size);
    expect(made().filter((id) => !among(id))).toEqual([]);
    // The counts the explorer opens with, kept by the snapshot rather than counted again.
    expect(served.index.citationCount).toBe(first.index.citationCount);
    const mostCited = sourcesPage(served.index, { orderBy: 'CITATIONS' }, { first: 10 });
    expect(mostCited.edges.map(({ node }) => node.id)).toEqual(
      sourcesPage(first.index, { orderBy: 'CITATIONS' }, { first: 10 }).edges.map(({ node }) => node.id),
    );
    const [source] = served.index.sourceIds;
    expect(sourceCounts(served.index, source!)).toEqual(sourceCounts(first.index, source!));
    expect(made().filter((id) => !among(id))).toEqual([]);

    const before = made();
    const dated = cold.knowledgeGraph.graph.findEdge((id, relation) => relation.time !== undefined && !among(id))!;
    expect(made()).toEqual(before);
    const relation = restored.getEdgeAttributes(dated);
    const loaded = cold.knowledgeGraph.graph.getEdgeAttributes(dated);
    expect(relation.citations).toBe(relation.citations);
    expect(made()).toHaveLength(before.length + 1);
    expect(made()).toContain(dated);
    expect(relation.time).toBe(relation.time);
    expect(JSON.stringify(relation)).toBe(JSON.stringify(loaded));
    expect(relation.citations.map((citation) => citation.target)).toEqual(loaded.citations.map((c) => c.target));
  });
});
