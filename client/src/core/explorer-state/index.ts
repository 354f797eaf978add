/**
 * The explorer's view state: everything the URL carries. Each part belongs to its domain
 * module (selection, filters, focus, paths, comparison); this module only composes them.
 */
import { NOT_EXPANDED, type ExpandedState } from '../bounded-view/expanded';
import type { CompareState } from '../comparison';
import { DEFAULT_FILTERS, type FilterState } from '../filters';
import type { FocusState } from '../focus';
import type { PathState } from '../paths';
import type { Selection } from '../selection';

export interface ExplorerState {
  selection: Selection;
  filters: FilterState;
  focus: FocusState | null;
  path: PathState | null;
  /** Two sources compared on the graph. */
  compare: CompareState | null;
  /** The full-text search asked in the Search tab (its results are the API's). */
  search: string | null;
  /** In a bounded view: the entities expanded and how many pages of each. */
  expanded: ExpandedState;
}

export const INITIAL_EXPLORER_STATE: ExplorerState = {
  selection: null,
  filters: DEFAULT_FILTERS,
  focus: null,
  path: null,
  compare: null,
  search: null,
  expanded: NOT_EXPANDED,
};

export type ExplorerProducer = (state: ExplorerState) => ExplorerState;

/** Lifts a producer over one part of the state into a producer over the whole state. */
export const on =
  <K extends keyof ExplorerState>(key: K, producer: (part: ExplorerState[K]) => ExplorerState[K]): ExplorerProducer =>
  (state) => {
    const part = producer(state[key]);
    return part === state[key] ? state : { ...state, [key]: part };
  };

/** Applies producers left to right. */
export const all =
  (...producers: ExplorerProducer[]): ExplorerProducer =>
  (state) =>
    producers.reduce((current, producer) => producer(current), state);

/**
 * `next`, with every part whose value equals the same part of `previous` replaced by
 * `previous`'s own object (and `previous` itself when nothing changed). The state is read
 * anew from the URL on every change; sharing keeps memos and effects keyed on one part
 * (the focus's camera fit, the paths query) from rerunning when another part changed.
 */
export function shareUnchanged(previous: ExplorerState, next: ExplorerState): ExplorerState {
  const pick = <K extends keyof ExplorerState>(key: K): ExplorerState[K] =>
    JSON.stringify(previous[key]) === JSON.stringify(next[key]) ? previous[key] : next[key];
  const shared: ExplorerState = {
    selection: pick('selection'),
    filters: pick('filters'),
    focus: pick('focus'),
    path: pick('path'),
    compare: pick('compare'),
    search: pick('search'),
    expanded: pick('expanded'),
  };
  const unchanged = (Object.keys(shared) as (keyof ExplorerState)[]).every((key) => shared[key] === previous[key]);
  return unchanged ? previous : shared;
}
