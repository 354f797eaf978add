/**
 * Filter state and its producers: `(args) => (state) => newState`, pure and composable.
 */
import type { FilterState, SetFilterId } from './types';

export type * from './types';
export { FILTER_DESCRIPTORS, filterOptions } from './descriptors';
export { computeVisibility, isFiltered, toRelationFilter, type RelationFilterFields } from './utils';

export const DEFAULT_FILTERS: FilterState = {
  entityTypes: null,
  relationTypes: null,
  sources: null,
  minSources: 1,
  hideIsolated: false,
};

type FilterProducer = (state: FilterState) => FilterState;

/** Normalises a chosen set: everything chosen means no restriction (null); order is stable. */
function normaliseSet(values: Iterable<string>, allValues: readonly string[]): string[] | null {
  const chosen = new Set(values);
  const kept = allValues.filter((value) => chosen.has(value));
  return kept.length === allValues.length ? null : kept;
}

/** Shows or hides one value of a set filter. */
export const toggleFilterValue =
  (id: SetFilterId, value: string, allValues: readonly string[]): FilterProducer =>
  (state) => {
    const current = new Set(state[id] ?? allValues);
    if (current.has(value)) current.delete(value);
    else current.add(value);
    return { ...state, [id]: normaliseSet(current, allValues) };
  };

/** Keeps only one value of a set filter ("show only what this source supports"). */
export const onlyFilterValue =
  (id: SetFilterId, value: string, allValues: readonly string[]): FilterProducer =>
  (state) => ({ ...state, [id]: normaliseSet([value], allValues) });

/** Lifts the restriction of a set filter. */
export const clearSetFilter =
  (id: SetFilterId): FilterProducer =>
  (state) => ({ ...state, [id]: null });

export const setMinSources =
  (minSources: number): FilterProducer =>
  (state) => ({ ...state, minSources: Math.max(1, Math.floor(minSources) || 1) });

export const setHideIsolated =
  (hideIsolated: boolean): FilterProducer =>
  (state) => ({ ...state, hideIsolated });

export const resetFilters = (): FilterProducer => () => DEFAULT_FILTERS;
