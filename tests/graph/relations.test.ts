import type { RelationRecord } from '../../server/data/model';
import type { GraphIndex } from '../../server/graph/indexes';
import {
  type RelationFilter,
  relationById,
  relationCandidates,
  relationsOfEntity,
  relationsPage,
} from '../../server/graph/relations';
import { everyRelation, shippedGraphIndex, sortedIds } from './shipped-graph';

function allPages(index: GraphIndex, filter: RelationFilter, first: number): RelationRecord[] {
  const relations: RelationRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = relationsPage(index, filter, { first, after });
    relations.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return relations;
    after = page.pageInfo.endCursor;
  }
}

/** The filter's answer by brute force over every relation, for comparison. */
function bruteForce(index: GraphIndex, filter: RelationFilter): string[] {
  return sortedIds(
    everyRelation(index).filter(
      (relation) =>
        (!filter.ids || filter.ids.includes(relation.id)) &&
        (!filter.types || filter.types.includes(relation.type)) &&
        (!filter.entity || relation.subject === filter.entity || relation.object === filter.entity) &&
        (!filter.sources || relation.sourceIds.some((id) => filter.sources!.includes(id))) &&
        relation.sourceIds.length >= (filter.minSources ?? 0) &&
        (!filter.entityTypes ||
          [relation.subject, relation.object].every((id) =>
            filter.entityTypes!.includes(index.graph.getNodeAttribute(id, 'type')),
          )),
    ),
  );
}

const FILTERS: [string, RelationFilter][] = [
  ['no filter', {}],
  ['one type', { types: ['enemy_of'] }],
  ['several types', { types: ['enemy_of', 'fought', 'targeted'] }],
  ['an entity', { entity: 'isis-k' }],
  ['one source', { sources: ['cbc-isis-k-security-threat'] }],
  ['several sources', { sources: ['cbc-isis-k-security-threat', 'bbc-what-is-isis-k'] }],
  ['at least two sources', { minSources: 2 }],
  ['at least four sources', { minSources: 4 }],
  ['type and entity', { types: ['enemy_of', 'fought'], entity: 'taliban' }],
  ['entity, sources and corroboration', { entity: 'isis-k', sources: ['bbc-what-is-isis-k'], minSources: 2 }],
  ['entity types alone', { entityTypes: ['organization', 'person'] }],
  ['entity types and a source', { entityTypes: ['organization'], sources: ['bbc-what-is-isis-k'] }],
  [
    'ids, repeated and out of order',
    { ids: ['isis-k--enemy_of--taliban', 'isis-k--enemy_of--al-qaeda', 'isis-k--enemy_of--taliban'] },
  ],
  ['ids and a type', { ids: ['isis-k--enemy_of--taliban', 'isis-k--enemy_of--al-qaeda'], types: ['fought'] }],
  ['an unknown type', { types: ['no_such_type'] }],
  ['an unknown entity', { entity: 'no-such-entity' }],
];

describe('relations', () => {
  it('are found by id, and an unknown id gives null', async () => {
    const index = await shippedGraphIndex();
    expect(relationById(index, 'isis-k--enemy_of--taliban')?.type).toBe('enemy_of');
    expect(relationById(index, 'nope')).toBeNull();
  });

  it.each(FILTERS)(
    'with %s: pages of 7 hold exactly the matching relations, in id order, each once',
    async (_, filter) => {
      const index = await shippedGraphIndex();
      const expected = bruteForce(index, filter);
      const paged = allPages(index, filter, 7).map((relation) => relation.id);
      expect(paged).toEqual(expected);
      expect(relationsPage(index, filter, { first: 1 }).totalCount).toBe(expected.length);
    },
  );

  it('finds ISIS-K’s enemies among its relations', async () => {
    const index = await shippedGraphIndex();
    const enemies = allPages(index, { types: ['enemy_of'], entity: 'isis-k' }, 50).map((relation) =>
      relation.subject === 'isis-k' ? relation.object : relation.subject,
    );
    expect(enemies).toContain('taliban');
  });

  it('reads the most selective index: one entity’s relations come from that entity’s list', async () => {
    const index = await shippedGraphIndex();
    const candidates = relationCandidates(index, { types: ['targeted', 'operates_in', 'analyzed'], entity: 'taliban' });
    expect(candidates.lists).toEqual([index.relationsByEntity.get('taliban')]);
    expect(candidates.accepts).toBeDefined();
  });

  it('needs no per-relation check when one index answers the whole filter', async () => {
    const index = await shippedGraphIndex();
    const candidates = relationCandidates(index, { types: ['enemy_of'] });
    expect(candidates.lists).toEqual([index.relationsByType.get('enemy_of')]);
    expect(candidates.accepts).toBeUndefined();
  });

  it('by ids read only those ids, whatever the size of the graph', async () => {
    const index = await shippedGraphIndex();
    const ids = ['isis-k--enemy_of--taliban', 'isis-k--enemy_of--al-qaeda'];
    const candidates = relationCandidates(index, { ids, minSources: 1 });
    expect(candidates.lists).toEqual([[...ids].sort()]);
  });

  it('an empty list of ids, types or sources matches nothing', async () => {
    const index = await shippedGraphIndex();
    expect(relationsPage(index, { ids: [] }, { first: 10 }).totalCount).toBe(0);
    expect(relationsPage(index, { types: [] }, { first: 10 }).totalCount).toBe(0);
    expect(relationsPage(index, { sources: [] }, { first: 10 }).totalCount).toBe(0);
  });

  it('of one entity are chosen by direction and type', async () => {
    const index = await shippedGraphIndex();
    const all = relationsOfEntity(index, 'isis-k');
    const outgoing = relationsOfEntity(index, 'isis-k', { direction: 'OUTGOING' });
    const incoming = relationsOfEntity(index, 'isis-k', { direction: 'INCOMING' });
    expect(all.length).toBe(index.graph.degree('isis-k'));
    expect(outgoing.every((relation) => relation.subject === 'isis-k')).toBe(true);
    expect(incoming.every((relation) => relation.object === 'isis-k')).toBe(true);
    expect(outgoing.length + incoming.length).toBe(all.length);
    const enemies = relationsOfEntity(index, 'isis-k', { types: ['enemy_of'] });
    expect(enemies.map((relation) => relation.id)).toContain('isis-k--enemy_of--taliban');
    expect(enemies.every((relation) => relation.type === 'enemy_of')).toBe(true);
  });
});
