import { compareSources } from '../../server/graph/comparison';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { shippedGraphIndex, sortedIds } from './shipped-graph';

describe('comparing two sources', () => {
  it('splits the relations they cite into only-a, only-b and both, without overlap', async () => {
    const index = await shippedGraphIndex();
    const [a, b] = ['bbc-what-is-isis-k', 'cbc-isis-k-security-threat'];
    const comparison = compareSources(index, a, b);
    const cites = (sourceId: string) =>
      index.graph.filterEdges((_id, relation) => relation.sourceIds.includes(sourceId)).sort();

    expect(sortedIds([...comparison.onlyA, ...comparison.both])).toEqual(cites(a));
    expect(sortedIds([...comparison.onlyB, ...comparison.both])).toEqual(cites(b));
    for (const relation of comparison.both) expect(relation.sourceIds).toEqual(expect.arrayContaining([a, b]));
    for (const relation of comparison.onlyA) expect(relation.sourceIds).not.toContain(b);
    expect(comparison.both.length).toBeGreaterThan(0);
  });

  it('of a source with itself has everything in both', async () => {
    const index = await shippedGraphIndex();
    const comparison = compareSources(index, 'bbc-what-is-isis-k', 'bbc-what-is-isis-k');
    expect(comparison.onlyA).toEqual([]);
    expect(comparison.onlyB).toEqual([]);
    expect(comparison.both.length).toBe(index.relationsBySource.get('bbc-what-is-isis-k')!.length);
  });

  it('with an unknown source is an error naming the argument and listing the known sources', async () => {
    const index = await shippedGraphIndex();
    expect(() => compareSources(index, 'bbc-what-is-isis-k', 'nope')).toThrow(InvalidArgumentError);
    expect(() => compareSources(index, 'nope', 'bbc-what-is-isis-k')).toThrow(/"bbc-what-is-isis-k"/);
  });
});
