import { navigationSection, parseRoute, readerHref, routeHref, type Route } from '../../client/src/core/routing';

const roundTrip = (route: Route, graphSearch = '') => {
  const href = routeHref(route, graphSearch);
  const url = new URL(href, 'http://explorer.test');
  return { href, parsed: parseRoute(url.pathname, url.search) };
};

describe('routes in the URL', () => {
  it('the root is the graph, with its own query string', () => {
    expect(parseRoute('/', '?entity=isis-k')).toEqual({ view: 'graph' });
    expect(routeHref({ view: 'graph' }, '?entity=isis-k&min=2')).toBe('/?entity=isis-k&min=2');
    expect(routeHref({ view: 'graph' })).toBe('/');
  });

  it('the reader at a citation survives the round trip, readable', () => {
    const route: Route = {
      view: 'reader',
      sourceId: 'bbc-what-is-isis-k',
      span: { start: 112, end: 250 },
      open: { kind: 'relation', id: 'isis-k--enemy_of--taliban' },
    };
    const { href, parsed } = roundTrip(route);
    expect(href).toBe('/sources/bbc-what-is-isis-k?citation=112-250&relation=isis-k--enemy_of--taliban');
    expect(parsed).toEqual(route);
  });

  it('a claim opened in the reader, and a bare reader, survive the round trip', () => {
    const claim: Route = {
      view: 'reader',
      sourceId: 'cbc',
      span: { start: 3, end: 9 },
      open: { kind: 'claim', id: 'isis-k--fighter_strength--cbc' },
    };
    expect(roundTrip(claim).parsed).toEqual(claim);
    expect(readerHref('cbc')).toBe('/sources/cbc');
    expect(roundTrip({ view: 'reader', sourceId: 'cbc', span: null, open: null }).parsed).toEqual({
      view: 'reader',
      sourceId: 'cbc',
      span: null,
      open: null,
    });
  });

  it('ids with reserved characters are escaped and restored', () => {
    const route: Route = { view: 'reader', sourceId: 'a/b c?d', span: null, open: { kind: 'relation', id: 'x&y=z' } };
    expect(roundTrip(route).parsed).toEqual(route);
  });

  it('the disagreements view keeps its entity and attribute', () => {
    const route: Route = { view: 'disagreements', entityId: 'khalil-haqqani', attribute: 'bounty' };
    const { href, parsed } = roundTrip(route);
    expect(href).toBe('/disagreements?entity=khalil-haqqani&attribute=bounty');
    expect(parsed).toEqual(route);
    expect(roundTrip({ view: 'disagreements', entityId: null, attribute: null }).href).toBe('/disagreements');
  });

  it('a trailing slash is forgiven; a bad citation is dropped; unknown paths say so', () => {
    expect(parseRoute('/sources/', '')).toEqual({ view: 'sources' });
    expect(parseRoute('/sources/bbc', '?citation=9-3')).toEqual({
      view: 'reader',
      sourceId: 'bbc',
      span: null,
      open: null,
    });
    expect(parseRoute('/atlantis', '')).toEqual({ view: 'not-found', pathname: '/atlantis' });
    expect(parseRoute('/sources/a/b', '')).toEqual({ view: 'not-found', pathname: '/sources/a/b' });
  });

  it('the reader belongs to the Sources section of the navigation', () => {
    expect(navigationSection({ view: 'reader', sourceId: 'bbc', span: null, open: null })).toBe('sources');
    expect(navigationSection({ view: 'graph' })).toBe('graph');
    expect(navigationSection({ view: 'not-found', pathname: '/x' })).toBeNull();
  });
});
