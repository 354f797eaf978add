import { between, pathsThroughOthers } from '../../server/graph/between';
import { buildGraphIndex } from '../../server/graph/indexes';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { pathPage } from '../../server/graph/paths';
import { everyRelation, shippedGraphIndex, sortedIds } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

const joins = (a: string, b: string) => (relation: { subject: string; object: string }) =>
  (relation.subject === a && relation.object === b) || (relation.subject === b && relation.object === a);

describe('everything between two entities', () => {
  it('holds every relation between ISIS-K and the Taliban, either way round', async () => {
    const index = await shippedGraphIndex();
    const expected = everyRelation(index).filter(joins('isis-k', 'taliban'));
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const record = between(index, 'isis-k', 'taliban');
    expect(sortedIds(record.relations)).toEqual(sortedIds(expected));
    expect(sortedIds(between(index, 'taliban', 'isis-k').relations)).toEqual(sortedIds(expected));
  });

  it('groups them by type, each group one type, all of them once, best supported first', async () => {
    const index = await shippedGraphIndex();
    const record = between(index, 'isis-k', 'taliban');
    const grouped = record.groups.flatMap((group) => group.relations);
    expect(sortedIds(grouped)).toEqual(sortedIds(record.relations));
    expect(new Set(record.groups.map((group) => group.type)).size).toBe(record.groups.length);
    for (const group of record.groups) {
      expect(group.label).toBe(index.knowledgeGraph.vocabulary.relationTypes.get(group.type)!.label);
      for (const relation of group.relations) {
        expect(relation.type).toBe(group.type);
        expect(relation.directed).toBe(group.directed);
      }
    }
    const support = record.relations.map((relation) => relation.sourceIds.length);
    expect(support).toEqual([...support].sort((x, y) => y - x));
  });

  it('keeps only the relations that pass the filter', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(
      between(index, 'umbrella', 'rival')
        .relations.map((r) => r.type)
        .sort(),
    ).toEqual(['enemy_of', 'member_of']);
    const filtered = between(index, 'umbrella', 'rival', { types: ['enemy_of'] });
    expect(filtered.relations.map((relation) => relation.type)).toEqual(['enemy_of']);
    expect(filtered.groups.map((group) => group.type)).toEqual(['enemy_of']);
  });

  it('is empty, not an error, for two entities with nothing directly between them', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    expect(between(index, 'acme', 'rival').relations).toEqual([]);
    expect(between(index, 'acme', 'rival').groups).toEqual([]);
  });

  it('refuses unknown ids and an entity paired with itself, naming the argument', async () => {
    const index = await shippedGraphIndex();
    expect(() => between(index, 'nope', 'taliban')).toThrow(expect.objectContaining({ argument: 'a' }));
    expect(() => between(index, 'isis-k', 'nope')).toThrow(expect.objectContaining({ argument: 'b' }));
    expect(() => between(index, 'isis-k', 'isis-k')).toThrow(InvalidArgumentError);
  });

  it('gives the paths through others: every path of two hops or more, and their total', async () => {
    const index = await shippedGraphIndex();
    const record = between(index, 'isis-k', 'taliban');
    const through = pathsThroughOthers(index, record, { maxLength: 3, first: 500 });
    const every = pathPage(index, 'isis-k', 'taliban', { maxLength: 3, first: 500 });
    expect(every.totalCount).toBeLessThan(500); // so both pages hold every path there is
    expect(through.totalCountExact).toBe(true);
    // All paths less the one direct hop.
    expect(through.totalCount).toBe(every.totalCount - 1);
    expect(through.paths.map((path) => path.length).every((length) => length >= 2)).toBe(true);
    expect(through.paths).toEqual(every.paths.filter((path) => path.length >= 2));
  });
});
