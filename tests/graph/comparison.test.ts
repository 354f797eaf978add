import { compareSources, comparisonPage } from '../../server/graph/comparison';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import type { GraphIndex } from '../../server/graph/indexes';
import { allOf, everyPage } from './every-page';
import { shippedGraphIndex, sortedIds } from './shipped-graph';

function parts(index: GraphIndex, a: string, b: string) {
  const comparison = compareSources(index, a, b);
  const part = (name: 'onlyA' | 'onlyB' | 'both') => allOf((page) => comparisonPage(index, comparison, name, page));
  return { onlyA: part('onlyA'), onlyB: part('onlyB'), both: part('both') };
}

describe('comparing two sources', () => {
  it('splits the relations they cite into only-a, only-b and both, without overlap', async () => {
    const index = await shippedGraphIndex();
    const [a, b] = ['bbc-what-is-isis-k', 'cbc-isis-k-security-threat'];
    const comparison = parts(index, a, b);
    const cites = (sourceId: string) =>
      index.graph.filterEdges((_id, relation) => relation.sourceIds.includes(sourceId)).sort();

    expect(sortedIds([...comparison.onlyA, ...comparison.both])).toEqual(cites(a));
    expect(sortedIds([...comparison.onlyB, ...comparison.both])).toEqual(cites(b));
    for (const relation of comparison.both) expect(relation.sourceIds).toEqual(expect.arrayContaining([a, b]));
    for (const relation of comparison.onlyA) expect(relation.sourceIds).not.toContain(b);
    expect(comparison.both.length).toBeGreaterThan(0);
  });

  it('pages each part by id: small pages give the whole part once, in order, with the same total', async () => {
    const index = await shippedGraphIndex();
    const comparison = compareSources(index, 'bbc-what-is-isis-k', 'cbc-isis-k-security-threat');
    for (const name of ['onlyA', 'onlyB', 'both'] as const) {
      const whole = allOf((page) => comparisonPage(index, comparison, name, page));
      const paged = everyPage((page) => comparisonPage(index, comparison, name, page), 3);
      expect(paged.nodes).toEqual(whole);
      expect(paged.totalCount).toBe(whole.length);
      expect(sortedIds(whole)).toEqual(whole.map((relation) => relation.id));
    }
  });

  it('of a source with itself has everything in both', async () => {
    const index = await shippedGraphIndex();
    const comparison = parts(index, 'bbc-what-is-isis-k', 'bbc-what-is-isis-k');
    expect(comparison.onlyA).toEqual([]);
    expect(comparison.onlyB).toEqual([]);
    expect(comparison.both.length).toBe(index.relationsBySource.get('bbc-what-is-isis-k')!.length);
  });

  it('with an unknown source is an error naming the argument and the unknown id', async () => {
    const index = await shippedGraphIndex();
    expect(() => compareSources(index, 'bbc-what-is-isis-k', 'nope')).toThrow(InvalidArgumentError);
    expect(() => compareSources(index, 'bbc-what-is-isis-k', 'nope')).toThrow(/"nope".*`b`/);
    expect(() => compareSources(index, 'nope', 'bbc-what-is-isis-k')).toThrow(/"nope".*`a`/);
  });
});
