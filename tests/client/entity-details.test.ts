import {
  attributeLabel,
  groupByNeighbour,
  groupClaims,
  relationSentence,
  type EntityClaim,
  type EntityRelation,
  type EntityRelationEdge,
} from '../../client/src/core/entity-details';
import { pathHighlight, setPathEnd, swapPathEnds, type PathResult } from '../../client/src/core/paths';

const source = (id: string) => ({ id, title: id, publisher: null, author: null, published: null });
const claim = (id: string, attribute: string, value: string, sources: string[]): EntityClaim => ({
  id,
  attribute,
  value,
  note: null,
  sources: sources.map(source),
  citations: [],
});
const entity = (id: string, name: string) => ({ id, name, type: 'organization' });
const relation = (
  id: string,
  type: string,
  directed: boolean,
  subject: string,
  object: string,
  corroboration = 1,
): EntityRelation => ({
  id,
  type,
  label: type.replace(/_/g, ' '),
  directed,
  corroboration,
  subject: entity(subject, subject.toUpperCase()),
  object: entity(object, object.toUpperCase()),
  sources: [],
});

describe('entity panel shaping', () => {
  it('groups claims by attribute and flags different values as a disagreement', () => {
    const groups = groupClaims([
      claim('c1', 'fighter_strength', '1,500 to 2,200', ['bbc']),
      claim('c2', 'founded', '2015', ['bbc', 'cbc']),
      claim('c3', 'fighter_strength', 'several thousand', ['cbc']),
    ]);
    expect(groups.map((group) => [group.label, group.claims.length, group.conflicting])).toEqual([
      ['Fighter strength', 2, true],
      ['Founded', 1, false],
    ]);
    expect(attributeLabel('bounty_usd')).toBe('Bounty usd');
  });
});

describe('path finder state', () => {
  it('choosing ends builds the state, swapping exchanges them, and clearing both ends clears it', () => {
    const from = setPathEnd('from', 'isis-k')(null);
    expect(from).toEqual({ from: 'isis-k', to: null, maxLength: 3, index: null });
    const both = setPathEnd('to', 'taliban')(from);
    expect(swapPathEnds()(both)).toMatchObject({ from: 'taliban', to: 'isis-k' });
    expect(setPathEnd('to', null)(setPathEnd('from', null)(both))).toBeNull();
  });

  it('highlights every path, or only the one shown alone', () => {
    const hop = (a: string, b: string, id: string) => ({
      from: { id: a, name: a },
      to: { id: b, name: b },
      relations: [{ id } as PathResult['hops'][number]['relations'][number]],
    });
    const paths = [
      {
        length: 1,
        entities: [entity('a', 'A'), entity('b', 'B')],
        relations: [{ id: 'r1' }],
        hops: [hop('a', 'b', 'r1')],
      },
      {
        length: 2,
        entities: [entity('a', 'A'), entity('c', 'C'), entity('b', 'B')],
        relations: [{ id: 'r2' }, { id: 'r3' }],
        hops: [hop('a', 'c', 'r2'), hop('c', 'b', 'r3')],
      },
    ] as PathResult[];
    expect([...pathHighlight(paths, null).relations].sort()).toEqual(['r1', 'r2', 'r3']);
    expect([...pathHighlight(paths, 1).entities].sort()).toEqual(['a', 'b', 'c']);
    expect([...pathHighlight(paths, 1).relations].sort()).toEqual(['r2', 'r3']);
  });
});

describe("an entity's relations by neighbour", () => {
  const edge = (relation: EntityRelation): EntityRelationEdge => ({
    node: relation,
    neighbor: relation.subject.id === 'k' ? relation.object : relation.subject,
  });

  it('groups the relations by the entity at the other end, in the order the API pages them', () => {
    const groups = groupByNeighbour('k', [
      edge(relation('1', 'enemy_of', false, 'k', 'us', 3)),
      edge(relation('2', 'leader_of', true, 'boss', 'k', 2)),
      edge(relation('3', 'enemy_of', false, 'taliban', 'k', 2)),
      edge(relation('4', 'funds', true, 'k', 'boss')),
    ]);
    expect(groups.map(({ other, rows }) => [other.id, rows.map((row) => [row.relation.id, row.direction])])).toEqual([
      ['us', [['1', 'symmetric']]],
      [
        'boss',
        [
          ['2', 'incoming'],
          ['4', 'outgoing'],
        ],
      ],
      ['taliban', [['3', 'symmetric']]],
    ]);
  });

  it("reads each row from the entity's side", () => {
    const [boss] = groupByNeighbour('k', [edge(relation('2', 'leader_of', true, 'boss', 'k'))]);
    expect(relationSentence('K', boss!.rows[0]!, 'BOSS')).toBe('BOSS leader of K');
    const [is] = groupByNeighbour('k', [edge(relation('3', 'affiliate_of', true, 'k', 'is'))]);
    expect(relationSentence('K', is!.rows[0]!, 'IS')).toBe('K affiliate of IS');
  });
});
