/**
 * The explorer's state, for every view: the explorer itself, the reader and every link into
 * the graph. It lives in the URL's query string (the graph's own, or the one it last showed
 * while another view is open); this is the one place it is read:
 *
 * - `state`: parsed and cleaned against the loaded graph; parts that did not change keep
 *   their identity from one URL to the next, so memos and effects keyed on one part (the
 *   focus's fit, the paths query) do not rerun when another part changes;
 * - `problems`: what the last link naming unknown things or unreadable values had dropped,
 *   said for the user;
 * - `update(producer, options)`: applies a producer to the newest state and goes there (a
 *   history entry for every step, a replacement only for showing one listed path alone, or
 *   when the caller asks: a step the app took by itself, such as bringing a linked entity in);
 * - `href(producer?)`: the URL of the graph with a producer applied, for links.
 */
import { useCallback, useContext, useSyncExternalStore } from 'react';

import { shareUnchanged, type ExplorerProducer, type ExplorerState } from '../core/explorer-state';
import type { GraphData } from '../core/graph-data';
import { explorerHref, isNavigation, readExplorerUrl, sanitizeExplorerState } from '../core/url-state';
import { useLoadedGraph } from './loaded-graph';
import { NavigatorContext } from './use-navigation';

export interface ExplorerStateHandle {
  state: ExplorerState;
  problems: readonly string[];
  update: (producer: ExplorerProducer, options?: { replace?: boolean }) => void;
  href: (producer?: ExplorerProducer) => string;
}

interface ReadState {
  state: ExplorerState;
  problems: readonly string[];
}

const NO_PROBLEMS: readonly string[] = [];

/** Reads a query string as the state of one loaded graph; `lastState` is what it read last. */
export interface StateReader {
  (search: string): ReadState;
  lastState(): ExplorerState | null;
}

/**
 * A reader of query strings for one loaded graph. It remembers its last answer: the same
 * query string gives the same object, and a new one shares the parts that did not change, as
 * does its first answer with `previous` (the state read for the graph before: a bounded view's
 * graph grows with each expansion, and filters equal to the last ones are not new filters to fit).
 * Problems stay until a later link has problems of its own (the explorer rewrites a stale
 * link's address at once, and the user still needs to read what was dropped).
 */
export function createStateReader(data: GraphData, previous: ExplorerState | null = null): StateReader {
  let last: { search: string; read: ReadState } | null = null;
  const read = (search: string): ReadState => {
    if (last && last.search === search) return last.read;
    const parsed = readExplorerUrl(search);
    const cleaned = sanitizeExplorerState(parsed.state, data);
    const found = [...parsed.problems, ...cleaned.problems];
    const shareWith = last?.read.state ?? previous;
    const answer: ReadState = {
      state: shareWith ? shareUnchanged(shareWith, cleaned.state) : cleaned.state,
      problems: found.length > 0 ? found : (last?.read.problems ?? NO_PROBLEMS),
    };
    last = { search, read: answer };
    return answer;
  };
  return Object.assign(read, { lastState: () => last?.read.state ?? previous });
}

const readers = new WeakMap<GraphData, StateReader>();

/** The reader last asked for: a reader of the next graph shares its unchanged parts with what it read last. */
let latestReader: StateReader | null = null;

function readerFor(data: GraphData): StateReader {
  let reader = readers.get(data);
  if (!reader) {
    reader = createStateReader(data, latestReader?.lastState() ?? null);
    readers.set(data, reader);
  }
  latestReader = reader;
  return reader;
}

export function useExplorerState(): ExplorerStateHandle {
  const { data } = useLoadedGraph();
  const navigator = useContext(NavigatorContext);
  if (!navigator) throw new Error('useExplorerState must be used inside <NavigatorContext.Provider>.');
  const graphSearch = useSyncExternalStore(navigator.subscribe, () => navigator.getLocation().graphSearch);
  const read = readerFor(data);
  const { state, problems } = read(graphSearch);

  const update = useCallback(
    (producer: ExplorerProducer, options: { replace?: boolean } = {}) => {
      // The newest state, read from the navigator, so two updates in one event compose.
      const current = read(navigator.getLocation().graphSearch).state;
      const next = producer(current);
      if (next === current) return;
      navigator.navigate(explorerHref(next), { replace: options.replace || !isNavigation(current, next) });
    },
    [read, navigator],
  );
  const href = useCallback((producer?: ExplorerProducer) => explorerHref(producer ? producer(state) : state), [state]);
  return { state, problems, update, href };
}
