/**
 * The explorer's view state: everything the URL carries. Each part belongs to its domain
 * module (selection, filters, focus, paths); this module only composes them.
 */
import { DEFAULT_FILTERS, type FilterState } from '../filters';
import type { FocusState } from '../focus';
import type { PathState } from '../paths';
import type { Selection } from '../selection';

export interface ExplorerState {
  selection: Selection;
  filters: FilterState;
  focus: FocusState | null;
  path: PathState | null;
}

export const INITIAL_EXPLORER_STATE: ExplorerState = {
  selection: null,
  filters: DEFAULT_FILTERS,
  focus: null,
  path: null,
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
