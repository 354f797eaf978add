/**
 * Binding between the app and the browser's history: the current location as a small
 * external store (read with useSyncExternalStore), `navigate` to push or replace an entry,
 * and Back/Forward reported to subscribers.
 *
 * Two things are remembered beside the URL:
 * - `back`: the app URL an entry was pushed from, kept in history.state, so a view can offer
 *   "Back to the graph" as a real Back (which restores everything, camera included);
 * - `graphSearch`: the graph's query string as last shown, so that links to the graph from
 *   other views return to the same selection, filters and focus.
 */
import { parseRoute } from '../core/routing';

export interface AppLocation {
  pathname: string;
  search: string;
  /** The app URL this history entry was pushed from, when the app pushed it. */
  back: string | null;
  /** The graph view's query string as last shown ("" or starting with "?"). */
  graphSearch: string;
}

export interface Navigator {
  getLocation(): AppLocation;
  subscribe(listener: () => void): () => void;
  /** Goes to an app URL: a new history entry, or a replacement of the current one. */
  navigate(href: string, options?: { replace?: boolean }): void;
  /** The browser's Back. */
  back(): void;
}

interface HistoryState {
  back?: unknown;
}

function backOf(state: unknown): string | null {
  const back = (state as HistoryState | null)?.back;
  return typeof back === 'string' ? back : null;
}

export function createBrowserNavigator(window: Window): Navigator {
  const listeners = new Set<() => void>();
  const read = (previousGraphSearch: string): AppLocation => {
    const { pathname, search } = window.location;
    const graph = parseRoute(pathname, search).view === 'graph';
    return { pathname, search, back: backOf(window.history.state), graphSearch: graph ? search : previousGraphSearch };
  };
  let location = read('');
  const update = () => {
    location = read(location.graphSearch);
    for (const listener of listeners) listener();
  };
  window.addEventListener('popstate', update);

  return {
    getLocation: () => location,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate(href, options = {}) {
      const current = `${window.location.pathname}${window.location.search}`;
      if (href === current) return;
      const fromPath = window.location.pathname;
      if (options.replace) window.history.replaceState(window.history.state, '', href);
      else window.history.pushState({ back: current } satisfies HistoryState, '', href);
      update();
      // Another view starts at its top (Back restores the old scroll position itself); steps
      // within one view, such as a new selection on the graph, leave the page where it is.
      if (!options.replace && window.location.pathname !== fromPath) window.scrollTo(0, 0);
    },
    back: () => window.history.back(),
  };
}
