import type { RelationRecord } from '../../server/data/model';
import { type GraphIndex, buildGraphIndex } from '../../server/graph/indexes';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { neighborhood } from '../../server/graph/neighborhood';
import { shippedGraphIndex, sortedIds } from './shipped-graph';
import { tinyKnowledgeGraph } from './tiny-graph';

/** The entities within `depth` hops and the relations among them, by brute force over graphology. */
function expectedNeighborhood(index: GraphIndex, id: string, depth: number, keep = (_: RelationRecord) => true) {
  const { graph } = index;
  const reached = new Set([id]);
  let frontier = [id];
  for (let hop = 0; hop < depth; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (_edge, relation, source, target) => {
        const other = source === node ? target : source;
        if (keep(relation) && !reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  const relations = graph.filterEdges(
    (_edge, relation, source, target) => keep(relation) && reached.has(source) && reached.has(target),
  );
  return { entities: [...reached].sort(), relations: relations.sort() };
}

describe('the neighbourhood of an entity', () => {
  it.each([0, 1, 2, 3])('at depth %i holds every entity that near and every relation between them', async (depth) => {
    const index = await shippedGraphIndex();
    const result = neighborhood(index, 'isis-k', { depth, limit: 5000 });
    const expected = expectedNeighborhood(index, 'isis-k', depth);
    expect(sortedIds(result.entities)).toEqual(expected.entities);
    expect(sortedIds(result.relations)).toEqual(expected.relations);
    expect(result.truncated).toBe(false);
  });

  it('at depth 1 of ISIS-K includes the Taliban and the Haqqani network', async () => {
    const result = neighborhood(await shippedGraphIndex(), 'isis-k', { depth: 1, limit: 1000 });
    const ids = result.entities.map((entity) => entity.id);
    expect(ids[0]).toBe('isis-k');
    expect(ids).toEqual(expect.arrayContaining(['taliban', 'haqqani-network']));
  });

  it('follows relations whatever their direction', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    // helvetia has only an incoming relation; zurich's other relation comes in from acme.
    const ids = neighborhood(index, 'helvetia', { depth: 2, limit: 100 }).entities.map((entity) => entity.id);
    expect(ids).toEqual(['helvetia', 'zurich', 'acme']);
  });

  it('walks only through the entity types the filter keeps, so no hidden type bridges two hops', async () => {
    const index = await shippedGraphIndex();
    const kept = ['organization', 'person'];
    const result = neighborhood(index, 'isis-k', { depth: 2, filter: { entityTypes: kept }, limit: 5000 });
    const typeOf = (id: string) => index.graph.getNodeAttribute(id, 'type');
    const expected = expectedNeighborhood(
      index,
      'isis-k',
      2,
      (relation) => kept.includes(typeOf(relation.subject)) && kept.includes(typeOf(relation.object)),
    );
    expect(sortedIds(result.entities)).toEqual(expected.entities);
    expect(sortedIds(result.relations)).toEqual(expected.relations);
    expect(new Set(result.entities.map((entity) => entity.type))).toEqual(new Set(kept));
    // Without the filter, places and events are reached at depth 2: the filter really narrows.
    const unfiltered = neighborhood(index, 'isis-k', { depth: 2, limit: 5000 });
    expect(unfiltered.entities.some((entity) => !kept.includes(entity.type))).toBe(true);
  });

  it('walks only the relations that pass the filter', async () => {
    const index = await shippedGraphIndex();
    const filter = { types: ['enemy_of', 'fought'] };
    const result = neighborhood(index, 'isis-k', { depth: 2, filter, limit: 1000 });
    const expected = expectedNeighborhood(index, 'isis-k', 2, (relation) => filter.types.includes(relation.type));
    expect(sortedIds(result.entities)).toEqual(expected.entities);
    expect(sortedIds(result.relations)).toEqual(expected.relations);
  });

  it('stops at `limit` relations, says so, and keeps only entities its relations reach', async () => {
    const index = await shippedGraphIndex();
    const result = neighborhood(index, 'isis-k', { depth: 2, limit: 10 });
    expect(result.relations).toHaveLength(10);
    expect(result.truncated).toBe(true);
    const ends = new Set(result.relations.flatMap((relation) => [relation.subject, relation.object]));
    for (const entity of result.entities) expect(entity.id === 'isis-k' || ends.has(entity.id)).toBe(true);
  });

  it('is not truncated when the limit is exactly what there is', () => {
    const index = buildGraphIndex(tinyKnowledgeGraph());
    const full = neighborhood(index, 'umbrella', { depth: 1, limit: 100 });
    const exact = neighborhood(index, 'umbrella', { depth: 1, limit: full.relations.length });
    expect(exact.truncated).toBe(false);
    expect(exact.relations).toHaveLength(full.relations.length);
  });

  it('of an unknown id is an error naming `id`', async () => {
    const index = await shippedGraphIndex();
    expect(() => neighborhood(index, 'no-such-entity', { depth: 1, limit: 10 })).toThrow(InvalidArgumentError);
  });
});
