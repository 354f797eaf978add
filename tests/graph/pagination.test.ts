import { InvalidArgumentError } from '../../server/graph/invalid-argument';
import {
  type Connection,
  countCandidates,
  decodeCursor,
  encodeCursor,
  firstIndexAfter,
  mergeSorted,
  paginate,
} from '../../server/graph/pagination';

describe('Relay cursors', () => {
  it('round-trip any id, including ones with spaces, slashes and non-Latin letters', () => {
    for (const id of ['isis-k', 'a b/c', 'zürich--located_in--helvetia', '']) {
      expect(decodeCursor(encodeCursor(id))).toBe(id);
    }
  });

  it('are opaque: the id does not show in the cursor', () => {
    expect(encodeCursor('isis-k')).not.toContain('isis-k');
  });

  it('reject a cursor this API did not make, naming the argument', () => {
    for (const bad of ['zzz', 'aXNpcy1r', '', '!!!']) {
      expect(() => decodeCursor(bad)).toThrow(InvalidArgumentError);
    }
    try {
      decodeCursor('nonsense', 'after');
    } catch (error) {
      expect((error as InvalidArgumentError).argument).toBe('after');
    }
  });
});

describe('paging over sorted id lists', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];

  it('walks a list page by page, each id exactly once', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection<string> = paginate({ lists: [letters], disjoint: true }, { first: 2, after }, (id) => id);
      seen.push(...page.edges.map((edge) => edge.node));
      expect(page.totalCount).toBe(5);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(letters);
  });

  it('says there is no next page when the last page is exactly full', () => {
    const page = paginate({ lists: [letters], disjoint: true }, { first: 5 }, (id) => id);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('e') });
  });

  it('returns an empty page with a null end cursor after the last id', () => {
    const page = paginate({ lists: [letters], disjoint: true }, { first: 3, after: encodeCursor('e') }, (id) => id);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('merges overlapping lists in order without repeating an id', () => {
    expect([...mergeSorted([['a', 'c', 'e'], ['b', 'c', 'd'], ['e']], null)]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([
      ...mergeSorted(
        [
          ['a', 'c', 'e'],
          ['b', 'c', 'd'],
        ],
        'c',
      ),
    ]).toEqual(['d', 'e']);
    expect(
      countCandidates({
        lists: [
          ['a', 'c'],
          ['c', 'd'],
        ],
        disjoint: false,
      }),
    ).toBe(3);
  });

  it('applies a predicate to candidates and counts only those that pass', () => {
    const page = paginate({ lists: [letters], disjoint: true, accepts: (id) => id !== 'b' }, { first: 2 }, (id) => id);
    expect(page.edges.map((edge) => edge.node)).toEqual(['a', 'c']);
    expect(page.totalCount).toBe(4);
  });

  it('finds the start of a page by binary search, whether or not the cursor id still exists', () => {
    expect(firstIndexAfter(letters, 'c')).toBe(3);
    expect(firstIndexAfter(letters, 'bb')).toBe(2);
    expect(firstIndexAfter(letters, '')).toBe(0);
    expect(firstIndexAfter(letters, 'z')).toBe(5);
  });
});
