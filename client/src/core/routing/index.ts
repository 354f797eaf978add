/**
 * The app's views as URLs. The graph owns the root path and its query string (see
 * core/url-state); every other view has a path of its own:
 *
 *   /                                                   the graph (explorer state in the query)
 *   /sources                                            the sources, with what each supports
 *   /sources/<id>?citation=<start>-<end>&relation=<id>  the source reader at one cited span,
 *                  (or &claim=<id>)                     with what that span supports opened
 *   /disagreements?entity=<id>&attribute=<name>         where the sources give different values
 *   /curate                                             curator mode: sign in, add an article, history
 *   /between?a=<id>&b=<id>                              everything that ties two entities
 *   /timeline                                           every dated event, in date order
 *   /table?<explorer state>&table=entities&sort=name     the filtered relations or entities as a table (core/table)
 *
 * The server answers every extension-less path with index.html, so each of these survives a
 * reload. Parsing is lenient (anything unknown is a "not found" view that says so);
 * formatting writes only what differs from the defaults.
 */
import { formatSpan, parseSpan, type Span } from '../source-text';

/** What the reader opens beside the text: the relation or claim a citation supports. */
export type ReaderItem = { kind: 'relation'; id: string } | { kind: 'claim'; id: string };

export type Route =
  | { view: 'graph' }
  | { view: 'sources' }
  | { view: 'reader'; sourceId: string; span: Span | null; open: ReaderItem | null }
  | { view: 'disagreements'; entityId: string | null; attribute: string | null }
  | { view: 'curate' }
  | { view: 'between'; a: string | null; b: string | null }
  | { view: 'timeline' }
  | { view: 'table' }
  | { view: 'not-found'; pathname: string };

const SOURCES_PATH = '/sources';
const DISAGREEMENTS_PATH = '/disagreements';
const CURATE_PATH = '/curate';
const BETWEEN_PATH = '/between';
const TIMELINE_PATH = '/timeline';
const TABLE_PATH = '/table';

function trimSlashes(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function readId(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value === null || value === '' ? null : value;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a route from a path and a query string (with or without its "?"). */
export function parseRoute(pathname: string, search: string): Route {
  const path = trimSlashes(pathname);
  const params = new URLSearchParams(search);
  if (path === '/' || path === '/index.html') return { view: 'graph' };
  if (path === SOURCES_PATH) return { view: 'sources' };
  if (path === CURATE_PATH) return { view: 'curate' };
  if (path === TIMELINE_PATH) return { view: 'timeline' };
  if (path === TABLE_PATH) return { view: 'table' };
  if (path === DISAGREEMENTS_PATH) {
    return { view: 'disagreements', entityId: readId(params, 'entity'), attribute: readId(params, 'attribute') };
  }
  if (path === BETWEEN_PATH) return { view: 'between', a: readId(params, 'a'), b: readId(params, 'b') };
  if (path.startsWith(`${SOURCES_PATH}/`)) {
    const rest = path.slice(SOURCES_PATH.length + 1);
    const sourceId = rest.includes('/') ? null : decodeSegment(rest);
    if (sourceId) {
      const relation = readId(params, 'relation');
      const claim = readId(params, 'claim');
      const open: ReaderItem | null = relation
        ? { kind: 'relation', id: relation }
        : claim
          ? { kind: 'claim', id: claim }
          : null;
      return { view: 'reader', sourceId, span: parseSpan(params.get('citation')), open };
    }
  }
  return { view: 'not-found', pathname };
}

/**
 * The URL of a route. The graph's query string belongs to the explorer state, so the graph
 * route is given it (`graphSearch`, "" or starting with "?").
 */
export function routeHref(route: Route, graphSearch = ''): string {
  const query = (parts: [string, string | null][]) => {
    const kept = parts.filter((part): part is [string, string] => part[1] !== null);
    return kept.length === 0 ? '' : `?${kept.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`;
  };
  switch (route.view) {
    case 'graph':
      return `/${graphSearch}`;
    case 'sources':
      return SOURCES_PATH;
    case 'curate':
      return CURATE_PATH;
    case 'reader':
      return (
        `${SOURCES_PATH}/${encodeURIComponent(route.sourceId)}` +
        query([
          ['citation', route.span ? formatSpan(route.span) : null],
          [route.open?.kind ?? 'relation', route.open?.id ?? null],
        ])
      );
    case 'disagreements':
      return (
        DISAGREEMENTS_PATH +
        query([
          ['entity', route.entityId],
          ['attribute', route.attribute],
        ])
      );
    case 'between':
      return (
        BETWEEN_PATH +
        query([
          ['a', route.a],
          ['b', route.b],
        ])
      );
    case 'timeline':
      return TIMELINE_PATH;
    case 'table':
      return TABLE_PATH;
    case 'not-found':
      return route.pathname;
  }
}

/** The reader at one cited span, with the relation or claim it supports opened. */
export function readerHref(sourceId: string, span: Span | null = null, open: ReaderItem | null = null): string {
  return routeHref({ view: 'reader', sourceId, span, open });
}

/** The view a route belongs to in the main navigation (the reader is part of Sources). */
export function navigationSection(route: Route): 'graph' | 'table' | 'sources' | 'disagreements' | 'timeline' | null {
  switch (route.view) {
    case 'graph':
    case 'between':
      return 'graph';
    case 'sources':
    case 'reader':
    case 'curate':
      return 'sources';
    case 'disagreements':
      return 'disagreements';
    case 'timeline':
      return 'timeline';
    case 'table':
      return 'table';
    case 'not-found':
      return null;
  }
}
