/**
 * What is expanded in a bounded view lives in the URL: read and written as "expand=a:3,b",
 * bounded in count and pages (and saying so when a link asks for more), changed by producers,
 * and fetched a page at a time in the URL's order.
 */
import {
  collapseEntity,
  expandEntity,
  expandLimit,
  MAX_EXPANSION_PAGES,
  MAX_EXPANSIONS,
  NOT_EXPANDED,
  readExpanded,
  writeExpanded,
  type ExpandedState,
} from '../../client/src/core/bounded-view/expanded';
import {
  expansionsFor,
  nextPageToLoad,
  withLoadedPage,
  type LoadedPages,
  type NeighbourPage,
} from '../../client/src/core/bounded-view/expansion';
import { INITIAL_EXPLORER_STATE } from '../../client/src/core/explorer-state';
import {
  isNavigation,
  parseExplorerUrl,
  readExplorerUrl,
  serializeExplorerState,
} from '../../client/src/core/url-state';

const read = (search: string) => readExpanded(new URLSearchParams(search));

describe('expansions in the URL', () => {
  it('read and write "expand=a:3,b", one page being the default', () => {
    const expanded: ExpandedState = [
      { entityId: 'hub-1', pages: 3 },
      { entityId: 'e-42', pages: 1 },
    ];
    expect(writeExpanded(expanded)).toEqual([['expand', 'hub-1:3,e-42']]);
    expect(read('expand=hub-1:3,e-42')).toEqual({ expanded, problems: [] });
    expect(writeExpanded(NOT_EXPANDED)).toEqual([]);
    const state = { ...INITIAL_EXPLORER_STATE, selection: { kind: 'entity' as const, id: 'e-42' }, expanded };
    expect(serializeExplorerState(state)).toBe('?entity=e-42&expand=hub-1:3,e-42');
    expect(parseExplorerUrl(serializeExplorerState(state))).toEqual(state);
  });

  it('keep an entity named twice once, in its first place, with the larger page count', () => {
    expect(read('expand=a,b:2,a:4').expanded).toEqual([
      { entityId: 'a', pages: 4 },
      { entityId: 'b', pages: 2 },
    ]);
  });

  it('name what they cannot read and leave it out', () => {
    const { expanded, problems } = read('expand=a:0,:2,b:x,c');
    expect(expanded).toEqual([{ entityId: 'c', pages: 1 }]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      'The link\'s "expand" names "a:0", which is not an entity id with a page count (such as "acme:2"); it was ignored.',
    );
  });

  it(`cut a link to ${MAX_EXPANSIONS} entities and ${MAX_EXPANSION_PAGES} pages each, and say so`, () => {
    const ids = Array.from({ length: MAX_EXPANSIONS + 5 }, (_, index) => `e${index}`);
    const { expanded, problems } = read(`expand=e0:999,${ids.slice(1).join(',')}`);
    expect(expanded).toHaveLength(MAX_EXPANSIONS);
    expect(expanded[0]).toEqual({ entityId: 'e0', pages: MAX_EXPANSION_PAGES });
    expect(expanded.at(-1)!.entityId).toBe(`e${MAX_EXPANSIONS - 1}`);
    expect(problems).toEqual([
      `The link expands "e0" by 999 pages; at most ${MAX_EXPANSION_PAGES} (1,000 relations) join the view, so it shows ${MAX_EXPANSION_PAGES}.`,
      `The link expands ${MAX_EXPANSIONS + 5} entities; the view holds at most ${MAX_EXPANSIONS}, so the last 5 were left out.`,
    ]);
    // The explorer state's reader passes them on as problems.
    expect(readExplorerUrl(`?expand=${ids.join(',')}`).problems).toEqual([
      expect.stringContaining(`so the last 5 were left out`),
    ]);
  });
});

describe('expanding and collapsing', () => {
  it('adds an entity at the end, then one page more each time, and collapse takes it out', () => {
    let expanded = expandEntity('a')(NOT_EXPANDED);
    expanded = expandEntity('b')(expanded);
    expanded = expandEntity('a')(expanded);
    expect(expanded).toEqual([
      { entityId: 'a', pages: 2 },
      { entityId: 'b', pages: 1 },
    ]);
    expect(collapseEntity('a')(expanded)).toEqual([{ entityId: 'b', pages: 1 }]);
    expect(collapseEntity('z')(expanded)).toBe(expanded);
  });

  it('is a history step (Back undoes it)', () => {
    const expanded = { ...INITIAL_EXPLORER_STATE, expanded: expandEntity('a')(NOT_EXPANDED) };
    expect(isNavigation(INITIAL_EXPLORER_STATE, expanded)).toBe(true);
  });

  it('stops at the limits and says why', () => {
    const full: ExpandedState = Array.from({ length: MAX_EXPANSIONS }, (_, index) => ({
      entityId: `e${index}`,
      pages: 1,
    }));
    expect(expandEntity('another')(full)).toBe(full);
    expect(expandLimit(full, 'another')).toMatch(/at most 20 expanded entities: collapse one/);
    expect(expandLimit(full, 'e0')).toBeNull();
    const deep: ExpandedState = [{ entityId: 'hub', pages: MAX_EXPANSION_PAGES }];
    expect(expandEntity('hub')(deep)).toBe(deep);
    expect(expandLimit(deep, 'hub')).toMatch(/At most 1,000 of one entity's relations/);
  });
});

describe('fetching what the URL expands', () => {
  const page = (entityId: string, index: number, next: string | null): NeighbourPage => ({
    entities: [{ id: `${entityId}-n${index}` } as NeighbourPage['entities'][number]],
    relations: [],
    total: 10,
    countsByType: [],
    countsByEntityType: [],
    next,
  });

  it('asks one page at a time, in the URL order, from where the last one ended', () => {
    const wanted: ExpandedState = [
      { entityId: 'a', pages: 2 },
      { entityId: 'b', pages: 1 },
    ];
    let loaded: LoadedPages = new Map();
    expect(nextPageToLoad(wanted, loaded)).toEqual({ entityId: 'a', after: null });
    loaded = withLoadedPage(loaded, 'a', null, page('a', 0, 'c1'));
    expect(nextPageToLoad(wanted, loaded)).toEqual({ entityId: 'a', after: 'c1' });
    // A page that is not the next one (a late answer to an older question) is not kept twice.
    expect(withLoadedPage(loaded, 'a', null, page('a', 0, 'c1'))).toBe(loaded);
    loaded = withLoadedPage(loaded, 'a', 'c1', page('a', 1, 'c2'));
    expect(nextPageToLoad(wanted, loaded)).toEqual({ entityId: 'b', after: null });
    loaded = withLoadedPage(loaded, 'b', null, page('b', 0, null));
    expect(nextPageToLoad(wanted, loaded)).toBeNull();
    // An entity with no more pages is done, whatever the URL asks.
    expect(nextPageToLoad([{ entityId: 'b', pages: 5 }], loaded)).toBeNull();

    const expansions = expansionsFor(wanted, loaded);
    expect([...expansions.keys()]).toEqual(['a', 'b']);
    expect(expansions.get('a')!.entities.map((entity) => entity.id)).toEqual(['a-n0', 'a-n1']);
    // An entity whose page could not be had does not hold up the next one.
    expect(nextPageToLoad([{ entityId: 'ghost', pages: 1 }, ...wanted], new Map(), new Set(['ghost']))).toEqual({
      entityId: 'a',
      after: null,
    });
    // Fewer pages asked (Back): fewer shown, from the same cache.
    expect(expansionsFor([{ entityId: 'a', pages: 1 }], loaded).get('a')!.entities).toHaveLength(1);
  });
});
