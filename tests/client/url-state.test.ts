import { BOUNDED_VIEW_THRESHOLD } from '../../client/src/core/bounded-view';
import { DEFAULT_FILTERS } from '../../client/src/core/filters';
import { INITIAL_EXPLORER_STATE, shareUnchanged, type ExplorerState } from '../../client/src/core/explorer-state';
import {
  explorerHref,
  isNavigation,
  parseExplorerUrl,
  readExplorerUrl,
  sanitizeExplorerState,
  serializeExplorerState,
} from '../../client/src/core/url-state';
import { fixtureGraph } from './fixtures';

const busy: ExplorerState = {
  selection: { kind: 'relation', id: 'isis-k--enemy_of--taliban' },
  filters: {
    entityTypes: ['organization', 'person'],
    relationTypes: [],
    during: { from: '2021-08', to: null, includeUndated: false },
    sources: ['bbc-what-is-isis-k'],
    minSources: 2,
    ownVoice: true,
    unhedged: true,
    hideIsolated: true,
  },
  focus: { entityId: 'isis-k', depth: 2 },
  path: { from: 'isis-k', to: 'taliban', maxLength: 4, index: 1 },
  compare: { a: 'bbc-what-is-isis-k', b: 'cbc-isis-k-security-threat' },
  search: 'leader & deputy',
  expanded: [
    { entityId: 'isis-k', pages: 3 },
    { entityId: 'taliban', pages: 1 },
  ],
  only: ['isis-k', 'taliban'],
};

describe('URL state', () => {
  it('"show only these" drops the ids the graph does not hold, and says so', () => {
    const data = fixtureGraph();
    const known = data.entities[0]!.id;
    const { state, problems } = sanitizeExplorerState(parseExplorerUrl(`?only=${known},nobody`), data);
    expect(state.only).toEqual([known]);
    expect(problems).toEqual(['The link shows only entities not in the graph (nobody); they were ignored.']);
    expect(sanitizeExplorerState(parseExplorerUrl('?only=nobody'), data).state.only).toBeNull();
  });

  it('the default view has a bare URL', () => {
    expect(serializeExplorerState(INITIAL_EXPLORER_STATE)).toBe('');
    expect(parseExplorerUrl('')).toEqual(INITIAL_EXPLORER_STATE);
  });

  it('a full view survives the round trip through the URL', () => {
    const search = serializeExplorerState(busy);
    expect(parseExplorerUrl(search)).toEqual(busy);
  });

  it('reads as a readable query string', () => {
    expect(serializeExplorerState(busy)).toBe(
      '?relation=isis-k--enemy_of--taliban&types=organization,person&rels=&sources=bbc-what-is-isis-k&min=2&ownvoice=1&unhedged=1&since=2021-08&connected=1&focus=isis-k&depth=2&from=isis-k&to=taliban&hops=4&path=2&compare=bbc-what-is-isis-k,cbc-isis-k-security-threat&q=leader%20%26%20deputy&expand=isis-k:3,taliban&only=isis-k,taliban',
    );
  });

  it('ids with reserved characters are escaped and restored', () => {
    const state: ExplorerState = { ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity', id: 'a&b=c,d é' } };
    expect(parseExplorerUrl(serializeExplorerState(state))).toEqual(state);
  });

  it('a comparison survives the round trip, also while one source is unchosen', () => {
    for (const compare of [
      { a: 'bbc-what-is-isis-k', b: 'cbc-isis-k-security-threat' },
      { a: 'bbc-what-is-isis-k', b: null },
      { a: null, b: 'cbc-isis-k-security-threat' },
    ]) {
      const state: ExplorerState = { ...INITIAL_EXPLORER_STATE, compare };
      expect(parseExplorerUrl(serializeExplorerState(state))).toEqual(state);
    }
    expect(serializeExplorerState({ ...INITIAL_EXPLORER_STATE, compare: { a: 'bbc', b: null } })).toBe('?compare=bbc,');
    expect(parseExplorerUrl('?compare=,').compare).toBeNull();
  });

  it('the graph link of a state is the root path with its query string', () => {
    expect(explorerHref(INITIAL_EXPLORER_STATE)).toBe('/');
    expect(explorerHref({ ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity', id: 'isis-k' } })).toBe(
      '/?entity=isis-k',
    );
  });

  it('a link comparing an unknown source keeps the known one and says so', () => {
    const { state, problems } = sanitizeExplorerState(parseExplorerUrl('?compare=bbc,atlantis'), fixtureGraph());
    expect(state.compare).toEqual({ a: 'bbc', b: null });
    expect(problems).toEqual([expect.stringMatching(/"atlantis", which is not one of the sources/)]);
  });

  it('nonsense values fall back to defaults', () => {
    const state = parseExplorerUrl('?min=zero&depth=9&focus=isis-k&hops=99&from=a&path=-1');
    expect(state.filters.minSources).toBe(1);
    expect(state.focus).toEqual({ entityId: 'isis-k', depth: 1 });
    expect(state.path).toEqual({ from: 'a', to: null, maxLength: 3, index: null });
  });

  it('a link naming more entities to show alone than the explorer ever draws keeps the first and says so', () => {
    const limit = BOUNDED_VIEW_THRESHOLD.entities;
    const ids = Array.from({ length: limit + 3 }, (_, i) => `e${i}`);
    const { state, problems } = readExplorerUrl(`?only=${ids.join(',')}`);
    expect(state.only).toEqual(ids.slice(0, limit));
    expect(problems).toEqual([
      `The link shows only ${limit + 3} entities; at most ${limit} are kept, so the last 3 were left out.`,
    ]);
    expect(readExplorerUrl(`?only=${ids.slice(0, limit).join(',')}`).problems).toEqual([]);
  });

  it('a link with values no filter can read names each of them in its problems', () => {
    const { state, problems } = readExplorerUrl('?min=abc&since=2021-13&until=soon&focus=isis-k&depth=9&hops=0');
    expect(state.filters).toEqual(DEFAULT_FILTERS);
    expect(problems).toEqual([
      'The link\'s "min" value "abc" is not a whole number of sources (1 or more); it was ignored.',
      'The link\'s "since" value "2021-13" is not a date such as 2021, 2021-08 or 2021-08-26; it was ignored.',
      'The link\'s "until" value "soon" is not a date such as 2021, 2021-08 or 2021-08-26; it was ignored.',
      'The link\'s "depth" value "9" is not one of 1, 2, 3; it was ignored.',
      'The link\'s "hops" value "0" is not one of 1, 2, 3, 4, 5; it was ignored.',
    ]);
    expect(readExplorerUrl('?min=2&since=2021-08&until=2022&focus=a&depth=2&hops=4').problems).toEqual([]);
  });

  it("expansions only make sense in a bounded view: on the whole graph a link's are dropped and said", () => {
    const { state, problems } = sanitizeExplorerState(parseExplorerUrl('?expand=isis-k:2'), fixtureGraph());
    expect(state.expanded).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/whole graph is shown already/)]);
  });

  it('a stale link drops what the graph does not contain and says so', () => {
    const data = fixtureGraph();
    const { state, problems } = sanitizeExplorerState(
      parseExplorerUrl('?entity=atlantis&types=organization,spaceship&min=9&from=isis-k&to=atlantis'),
      data,
    );
    expect(state.selection).toBeNull();
    expect(state.filters.entityTypes).toEqual(['organization']);
    expect(state.filters.minSources).toBe(2);
    expect(state.path).toMatchObject({ from: 'isis-k', to: null });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/entity "atlantis", which is not in the graph/);
  });

  it('a link whose filter names only unknown values drops that filter instead of hiding everything', () => {
    const data = fixtureGraph();
    for (const [search, filterId, value] of [
      ['?sources=x', 'sources', 'x'],
      ['?types=foo', 'entityTypes', 'foo'],
      ['?rels=bar,baz', 'relationTypes', 'bar, baz'],
    ] as const) {
      const { state, problems } = sanitizeExplorerState(parseExplorerUrl(search), data);
      expect(state.filters[filterId]).toBeNull();
      expect(serializeExplorerState(state)).toBe('');
      expect(problems).toEqual([expect.stringContaining(`names only unknown values (${value})`)]);
      expect(problems[0]).toMatch(/the filter was dropped/);
    }
  });

  it('an empty filter ("none chosen") is kept: the user asked for it', () => {
    const { state, problems } = sanitizeExplorerState(parseExplorerUrl('?sources='), fixtureGraph());
    expect(state.filters.sources).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('selection, filter, focus and path changes are navigation (so Back steps through them)', () => {
    expect(
      isNavigation(INITIAL_EXPLORER_STATE, { ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity', id: 'x' } }),
    ).toBe(true);
    expect(
      isNavigation(INITIAL_EXPLORER_STATE, {
        ...INITIAL_EXPLORER_STATE,
        filters: { ...DEFAULT_FILTERS, minSources: 2 },
      }),
    ).toBe(true);
    expect(isNavigation(busy, { ...busy, path: { ...busy.path!, index: 0 } })).toBe(false);
    expect(isNavigation(busy, { ...busy, compare: null })).toBe(true);
  });
});

describe('explorer state read from the URL', () => {
  it('keeps the parts that did not change, so a new selection does not refit the focus', () => {
    const before = parseExplorerUrl('?entity=isis-k&focus=isis-k&depth=2&min=2');
    const after = shareUnchanged(before, parseExplorerUrl('?entity=taliban&focus=isis-k&depth=2&min=2'));
    expect(after.selection).toEqual({ kind: 'entity', id: 'taliban' });
    expect(after.focus).toBe(before.focus);
    expect(after.filters).toBe(before.filters);
    expect(shareUnchanged(before, parseExplorerUrl(serializeExplorerState(before)))).toBe(before);
  });
});
