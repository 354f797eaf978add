import {
  describeDisagreementsScope,
  disagreementsScope,
  groupByEntity,
  sourceCount,
} from '../../client/src/core/disagreements';
import {
  announceSpan,
  citationStepForKey,
  describeItem,
  firstSpanOf,
  itemsOfSpan,
  type ReaderCitation,
} from '../../client/src/core/source-reader';
import { citedSpans } from '../../client/src/core/source-text';
import { fixtureGraph } from './fixtures';

const relation = (id: string, subject: string, label: string, object: string) => ({
  id,
  label,
  directed: true,
  corroboration: 2,
  subject: { id: subject.toLowerCase(), name: subject },
  object: { id: object.toLowerCase(), name: object },
});
const claim = (id: string, attribute: string, value: string) => ({
  id,
  attribute,
  value,
  entity: { id: 'isis-k', name: 'ISIS-K' },
});
const citation = (
  start: number,
  end: number,
  supports: Partial<Pick<ReaderCitation, 'relation' | 'claim'>>,
): ReaderCitation => ({ start, end, quote: 'x'.repeat(end - start), relation: null, claim: null, ...supports });

const citations = [
  citation(10, 40, { relation: relation('r1', 'ISIS-K', 'affiliate of', 'Islamic State') }),
  citation(10, 40, { claim: claim('c1', 'fighter_strength', 'about 3,000') }),
  citation(10, 40, { relation: relation('r1', 'ISIS-K', 'affiliate of', 'Islamic State') }),
  citation(50, 60, { relation: relation('r2', 'ISIS-K', 'enemy of', 'Taliban') }),
];
const spans = citedSpans(citations);

describe('the source reader', () => {
  it('lists what a span supports once each, relations first', () => {
    expect(itemsOfSpan(spans[0]).map(describeItem)).toEqual([
      'ISIS-K affiliate of Islamic State',
      'ISIS-K · Fighter strength: about 3,000',
    ]);
    expect(itemsOfSpan(null)).toEqual([]);
  });

  it('finds the first span that supports a relation or claim named without offsets', () => {
    expect(firstSpanOf(spans, { kind: 'relation', id: 'r2' })).toBe(1);
    expect(firstSpanOf(spans, { kind: 'claim', id: 'c1' })).toBe(0);
    expect(firstSpanOf(spans, { kind: 'claim', id: 'nowhere' })).toBe(-1);
  });

  it('announces the position, the quote and what it supports', () => {
    expect(announceSpan(1, 2, spans[1]!, 'a sworn enemy')).toBe(
      'Citation 2 of 2: “a sworn enemy”. Supports: ISIS-K enemy of Taliban.',
    );
  });

  it('n and j step forward, p and k back; never while typing or with a modifier', () => {
    const press = (key: string, extra: Partial<Parameters<typeof citationStepForKey>[0]> = {}) =>
      citationStepForKey({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });
    expect([press('n'), press('j'), press('p'), press('k'), press('x')]).toEqual([1, 1, -1, -1, null]);
    expect(press('n', { typing: true })).toBeNull();
    expect(press('n', { ctrlKey: true })).toBeNull();
    expect(press('p', { metaKey: true })).toBeNull();
  });
});

describe('the disagreements view', () => {
  it('groups disagreements by entity in the order the API gives, and counts distinct sources', () => {
    const disagreement = (entity: string, attribute: string) => ({ entity: { id: entity }, attribute });
    const groups = groupByEntity([
      disagreement('isis-k', 'fighter_strength'),
      disagreement('isis-k', 'founded'),
      disagreement('khalil-haqqani', 'bounty'),
    ]);
    expect(groups.map((group) => [group.entity.id, group.disagreements.map((d) => d.attribute)])).toEqual([
      ['isis-k', ['fighter_strength', 'founded']],
      ['khalil-haqqani', ['bounty']],
    ]);
    expect(sourceCount([{ sources: [{ id: 'bbc' }, { id: 'cbc' }] }, { sources: [{ id: 'cbc' }] }])).toBe(2);
  });

  it('a link naming an unknown entity says so, instead of "0 attributes on 0 entities"', () => {
    const data = fixtureGraph();
    const name = (id: string) => data.entityById.get(id)?.name;
    const scope = disagreementsScope('nope', name, []);
    expect(scope).toEqual({ kind: 'unknown-entity', id: 'nope' });
    expect(describeDisagreementsScope(scope)).toMatch(/^No entity has the id “nope”/);
  });

  it('a known entity the sources agree on is named, and the whole list is counted', () => {
    const data = fixtureGraph();
    const name = (id: string) => data.entityById.get(id)?.name;
    expect(describeDisagreementsScope(disagreementsScope('isis-k', name, []))).toBe(
      'The sources do not disagree about ISIS-K.',
    );
    const groups = [{ disagreements: [1, 2] }, { disagreements: [3] }];
    expect(describeDisagreementsScope(disagreementsScope(null, name, groups))).toBe('3 attributes on 2 entities');
    expect(describeDisagreementsScope(disagreementsScope('isis-k', name, groups.slice(1)))).toBe(
      '1 attribute on ISIS-K',
    );
    // While only the first pages are loaded, the API's total is told, and no entity count is guessed.
    expect(describeDisagreementsScope(disagreementsScope(null, name, groups, 120))).toBe('120 attributes');
    expect(describeDisagreementsScope(disagreementsScope(null, name, groups, 3))).toBe('3 attributes on 2 entities');
  });
});
