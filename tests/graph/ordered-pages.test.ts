import type { EntityRecord, RelationRecord } from '../../server/data/model';
import type { GraphIndex } from '../../server/graph/indexes';
import {
  type EntityOrderField,
  type RelationOrderField,
  type SortDirection,
  orderedEntitiesPage,
  orderedRelationsPage,
} from '../../server/graph/ordered-pages';
import type { EntityFilter } from '../../server/graph/entities';
import { type RelationFilter, relationMatcher } from '../../server/graph/relations';
import { foldText } from '../../server/graph/text-folding';
import { everyRelation, shippedGraphIndex } from './shipped-graph';

type Pager<T> = (after: string | null) => {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
};

function allPages<T>(page: Pager<T>): { nodes: T[]; totalCount: number } {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const connection = page(after);
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, totalCount: connection.totalCount };
    after = connection.pageInfo.endCursor;
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The expected order, written from the schema's words, not from the module. */
function expectedRelations(
  index: GraphIndex,
  filter: RelationFilter,
  field: RelationOrderField,
  direction: SortDirection,
) {
  const matches = relationMatcher(index, filter);
  const name = (id: string) => foldText(index.graph.getNodeAttribute(id, 'name'));
  const label = (type: string) => foldText(index.knowledgeGraph.vocabulary.relationTypes.get(type)!.label);
  const compare: Record<RelationOrderField, (a: RelationRecord, b: RelationRecord) => number> = {
    ID: () => 0,
    SUBJECT: (a, b) => byText(name(a.subject), name(b.subject)),
    OBJECT: (a, b) => byText(name(a.object), name(b.object)),
    TYPE: (a, b) => byText(label(a.type), label(b.type)),
    CORROBORATION: (a, b) => a.sourceIds.length - b.sourceIds.length || a.citations.length - b.citations.length,
  };
  const sorted = everyRelation(index)
    .filter((relation) => !matches || matches(relation))
    .sort((a, b) => compare[field](a, b) || byText(a.id, b.id))
    .map((relation) => relation.id);
  return direction === 'ASC' ? sorted : sorted.reverse();
}

const RELATION_FILTERS: [string, RelationFilter][] = [
  ['no filter', {}],
  ['two sources or more', { minSources: 2 }],
  ['one entity', { entity: 'isis-k' }],
  ['entity types only (a predicate over every relation)', { entityTypes: ['organization'] }],
  ['no type chosen', { types: [] }],
];
const RELATION_FIELDS: RelationOrderField[] = ['ID', 'SUBJECT', 'TYPE', 'OBJECT', 'CORROBORATION'];

describe('relations in a chosen order', () => {
  let index: GraphIndex;
  beforeAll(async () => {
    index = await shippedGraphIndex();
  });

  for (const [name, filter] of RELATION_FILTERS) {
    for (const field of RELATION_FIELDS) {
      for (const direction of ['ASC', 'DESC'] as const) {
        test(`${name}, by ${field} ${direction}: every page in order, each relation once, sorting or walking alike`, () => {
          const expected = expectedRelations(index, filter, field, direction);
          for (const sortAtMost of [0, 1_000_000]) {
            const { nodes, totalCount } = allPages((after) =>
              orderedRelationsPage(index, filter, { field, direction }, { first: 7, after }, sortAtMost),
            );
            expect(nodes.map((relation) => relation.id)).toEqual(expected);
            expect(totalCount).toBe(expected.length);
          }
        });
      }
    }
  }

  test('best supported first is CORROBORATION DESC', () => {
    const page = orderedRelationsPage(index, {}, { field: 'CORROBORATION', direction: 'DESC' }, { first: 3 });
    const most = Math.max(...everyRelation(index).map((relation) => relation.sourceIds.length));
    expect(page.edges[0]!.node.sourceIds.length).toBe(most);
  });

  test('a cursor this list did not make is refused', () => {
    expect(() => orderedRelationsPage(index, {}, { field: 'SUBJECT' }, { first: 3, after: 'nonsense' })).toThrow(
      /not a cursor of this list/,
    );
  });
});

describe('entities in a chosen order', () => {
  let index: GraphIndex;
  beforeAll(async () => {
    index = await shippedGraphIndex();
  });

  const FIELDS: EntityOrderField[] = ['ID', 'NAME', 'TYPE', 'DEGREE', 'SOURCES'];
  const FILTERS: [string, EntityFilter][] = [
    ['no filter', {}],
    ['people', { types: ['person'] }],
    ['text', { text: 'al' }],
  ];
  for (const [name, filter] of FILTERS) {
    for (const field of FIELDS) {
      test(`${name}, by ${field}, both ways, sorting or walking alike`, () => {
        const entities = index.graph.mapNodes((_id, entity) => entity as EntityRecord);
        const key = (entity: EntityRecord): string | number =>
          field === 'NAME'
            ? foldText(entity.name)
            : field === 'TYPE'
              ? entity.type
              : field === 'DEGREE'
                ? index.graph.degree(entity.id)
                : field === 'SOURCES'
                  ? (index.sourceIdsByEntity.get(entity.id)?.length ?? 0)
                  : '';
        const expected = entities
          .filter((entity) => !filter.types || filter.types.includes(entity.type))
          .filter(
            (entity) =>
              !filter.text ||
              [entity.name, ...entity.aliases].some((text) => foldText(text).includes(foldText(filter.text!))),
          )
          .sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            return ka < kb ? -1 : ka > kb ? 1 : byText(a.id, b.id);
          })
          .map((entity) => entity.id);
        expect(expected.length).toBeGreaterThan(0);
        for (const direction of ['ASC', 'DESC'] as const) {
          for (const sortAtMost of [0, 1_000_000]) {
            const { nodes, totalCount } = allPages((after) =>
              orderedEntitiesPage(index, filter, { field, direction }, { first: 5, after }, sortAtMost),
            );
            expect(nodes.map((entity) => entity.id)).toEqual(direction === 'ASC' ? expected : [...expected].reverse());
            expect(totalCount).toBe(expected.length);
          }
        }
      });
    }
  }
});
