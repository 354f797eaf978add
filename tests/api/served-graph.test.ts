import { deserialize, serialize } from 'node:v8';

import { ServedGraph } from '../../server/api/served-graph';
import { overview } from '../../server/graph/overview';
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
