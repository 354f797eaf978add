import type { RelationRecord } from '../../server/data/model';
import { type EntityRelationsArgs, entityRelationsPage } from '../../server/graph/entity-relations';
import type { GraphIndex } from '../../server/graph/indexes';
import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import { byCorroboration } from '../../server/graph/relations';
import { shippedGraphIndex } from './shipped-graph';

let index: GraphIndex;
beforeAll(async () => {
  index = await shippedGraphIndex();
});

/** Every page of an entity's relations, following endCursor until hasNextPage is false. */
function allPages(entityId: string, args: Omit<EntityRelationsArgs, 'after'>): RelationRecord[] {
  const relations: RelationRecord[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = entityRelationsPage(index, entityId, { ...args, after });
    relations.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return relations;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe("an entity's relations, a page at a time", () => {
  test('pages of 4 walk all of ISIS-K relations once each, best supported first', () => {
    const paged = allPages('isis-k', { first: 4 });
    const degree = index.relationsByEntity.get('isis-k')!.length;
    expect(degree).toBeGreaterThan(8);
    expect(paged).toHaveLength(degree);
    expect(new Set(paged.map((relation) => relation.id)).size).toBe(degree);
    expect([...paged].sort(byCorroboration)).toEqual(paged);
    expect(paged[0]!.sourceIds.length).toBeGreaterThan(paged[paged.length - 1]!.sourceIds.length);
  });

  test('totalCount is the degree, and the counts by relation type and by neighbour type add up to it', () => {
    const page = entityRelationsPage(index, 'isis-k', { first: 2 });
    const relations = index.relationsByEntity.get('isis-k')!.map((id) => index.graph.getEdgeAttributes(id));
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(relations.length);
    expect(new Map(page.countsByType.map(({ type, count }) => [type, count]))).toEqual(
      tally(relations.map((relation) => relation.type)),
    );
    const neighbourType = (relation: RelationRecord) =>
      index.graph.getNodeAttribute(relation.subject === 'isis-k' ? relation.object : relation.subject, 'type');
    expect(new Map(page.countsByEntityType.map(({ type, count }) => [type, count]))).toEqual(
      tally(relations.map(neighbourType)),
    );
    const counts = page.countsByType.map(({ count }) => count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  test('each edge names the neighbour at the other end', () => {
    for (const edge of entityRelationsPage(index, 'isis-k', { first: 20 }).edges) {
      const other = edge.node.subject === 'isis-k' ? edge.node.object : edge.node.subject;
      expect(edge.neighbor.id).toBe(other);
    }
  });

  test('types, neighbour types and direction narrow the pages and totalCount, not the counts', () => {
    const all = entityRelationsPage(index, 'isis-k', { first: 1 });
    const type = all.countsByType[0]!;
    const ofType = allPages('isis-k', { first: 3, types: [type.type] });
    expect(ofType.every((relation) => relation.type === type.type)).toBe(true);
    expect(ofType).toHaveLength(type.count);
    const narrowed = entityRelationsPage(index, 'isis-k', { first: 1, types: [type.type] });
    expect(narrowed.totalCount).toBe(type.count);
    expect(narrowed.countsByType).toEqual(all.countsByType);

    const entityType = all.countsByEntityType[0]!;
    expect(allPages('isis-k', { first: 5, neighborTypes: [entityType.type] })).toHaveLength(entityType.count);

    const outgoing = allPages('isis-k', { first: 5, direction: 'OUTGOING' });
    expect(outgoing.length).toBeGreaterThan(0);
    expect(outgoing.every((relation) => relation.subject === 'isis-k')).toBe(true);
  });

  test("a cursor from another entity's relations is refused, naming `after`", () => {
    const taliban = entityRelationsPage(index, 'taliban', { first: 50 });
    const foreign = taliban.edges.find((edge) => edge.node.subject !== 'isis-k' && edge.node.object !== 'isis-k');
    expect(foreign).toBeDefined();
    expect(() => entityRelationsPage(index, 'isis-k', { first: 5, after: foreign!.cursor })).toThrow(
      InvalidArgumentError,
    );
    expect(() => entityRelationsPage(index, 'isis-k', { first: 5, after: 'not-a-cursor' })).toThrow(/after/);
  });

  test('an unknown entity has no relations', () => {
    const page = entityRelationsPage(index, 'no-such-entity', { first: 5 });
    expect(page.edges).toEqual([]);
    expect(page.totalCount).toBe(0);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
