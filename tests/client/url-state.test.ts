import { DEFAULT_FILTERS } from '../../client/src/core/filters';
import { INITIAL_EXPLORER_STATE, type ExplorerState } from '../../client/src/core/explorer-state';
import {
  isNavigation,
  parseExplorerUrl,
  sanitizeExplorerState,
  serializeExplorerState,
} from '../../client/src/core/url-state';
import { fixtureGraph } from './fixtures';

const busy: ExplorerState = {
  selection: { kind: 'relation', id: 'isis-k--enemy_of--taliban' },
  filters: {
    entityTypes: ['organization', 'person'],
    relationTypes: [],
    sources: ['bbc-what-is-isis-k'],
    minSources: 2,
    hideIsolated: true,
  },
  focus: { entityId: 'isis-k', depth: 2 },
  path: { from: 'isis-k', to: 'taliban', maxLength: 4, index: 1 },
};

describe('URL state', () => {
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
      '?relation=isis-k--enemy_of--taliban&types=organization,person&rels=&sources=bbc-what-is-isis-k&min=2&connected=1&focus=isis-k&depth=2&from=isis-k&to=taliban&hops=4&path=2',
    );
  });

  it('ids with reserved characters are escaped and restored', () => {
    const state: ExplorerState = { ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity', id: 'a&b=c,d é' } };
    expect(parseExplorerUrl(serializeExplorerState(state))).toEqual(state);
  });

  it('nonsense values fall back to defaults', () => {
    const state = parseExplorerUrl('?min=zero&depth=9&focus=isis-k&hops=99&from=a&path=-1');
    expect(state.filters.minSources).toBe(1);
    expect(state.focus).toEqual({ entityId: 'isis-k', depth: 1 });
    expect(state.path).toEqual({ from: 'a', to: null, maxLength: 3, index: null });
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

  it('selection, focus and path changes are navigation; filter tweaks are not', () => {
    expect(
      isNavigation(INITIAL_EXPLORER_STATE, { ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity', id: 'x' } }),
    ).toBe(true);
    expect(
      isNavigation(INITIAL_EXPLORER_STATE, {
        ...INITIAL_EXPLORER_STATE,
        filters: { ...DEFAULT_FILTERS, minSources: 2 },
      }),
    ).toBe(false);
    expect(isNavigation(busy, { ...busy, path: { ...busy.path!, index: 0 } })).toBe(false);
  });
});
