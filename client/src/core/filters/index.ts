/**
 * The filters, composed: the list of definitions (one module each), the state they make up,
 * and what loops over them: activity, visibility, the API filter, the URL's filter part,
 * and the producers `(args) => (state) => newState` the panel changes them with.
 */
import type { EntityFilter, RelationFilter } from '../../api/generated/graphql';
import type { GraphData } from '../graph-data';
import { LIST_ARGUMENT_MAX } from '../list-bound';
import type { AnyFilter, UrlParams } from './definition';
import { duringFilter } from './during';
import { entityTypesFilter } from './entity-types';
import { hideIsolatedFilter } from './hide-isolated';
import { minSourcesFilter } from './min-sources';
import { ownVoiceFilter } from './own-voice';
import { relationTypesFilter } from './relation-types';
import { sourcesFilter } from './sources';
import type { FilterOption, Visibility } from './types';
import { unhedgedFilter } from './unhedged';

export type * from './types';
export type * from './definition';
export { sourceSupportScope } from './sources';

/** Every filter, in the order of the panel and of the URL. */
export const FILTERS = [
  entityTypesFilter,
  relationTypesFilter,
  sourcesFilter,
  minSourcesFilter,
  ownVoiceFilter,
  unhedgedFilter,
  duringFilter,
  hideIsolatedFilter,
];

type Filter = (typeof FILTERS)[number];

/** What the user narrows the graph to: one value per filter, keyed by its id. */
export type FilterState = { [F in Filter as F['id']]: ReturnType<F['read']> };

export type FilterId = keyof FilterState;

/** The filters whose value is a set of graph values. */
export type SetFilterId = Extract<Filter, { kind: 'set' }>['id'];

/** The filters whose value is a whole number in a range. */
export type RangeFilterId = Extract<Filter, { kind: 'range' }>['id'];

export const DEFAULT_FILTERS = Object.fromEntries(
  FILTERS.map((filter) => [filter.id, filter.defaultValue]),
) as FilterState;

/** The definitions with their value erased, and each paired with its value in a state. */
function withValues(filters: FilterState): { filter: AnyFilter; value: unknown }[] {
  const values: Record<string, unknown> = filters;
  return (FILTERS as readonly AnyFilter[]).map((filter) => ({ filter, value: values[filter.id] }));
}

const active = (filters: FilterState) => withValues(filters).filter(({ filter, value }) => filter.isActive(value));

export function isFiltered(filters: FilterState): boolean {
  return active(filters).length > 0;
}

/** The part of the filters the API understands, for server-side questions (neighbourhood, paths). */
export function toRelationFilter(filters: FilterState): RelationFilter {
  return Object.assign({}, ...active(filters).map(({ filter, value }) => filter.toApi(value)));
}

/** The part of the filters the API's entity list understands (the table's entities). */
export function toEntityFilter(filters: FilterState): EntityFilter {
  return Object.assign({}, ...active(filters).map(({ filter, value }) => filter.toEntityApi?.(value) ?? {}));
}

/** The labels of the active filters that judge entities but that the API's entity list cannot apply. */
export function filtersEntityListIgnores(filters: FilterState): string[] {
  return active(filters)
    .filter(({ filter }) => (filter.matchesEntity || filter.refine) && !filter.toEntityApi)
    .map(({ filter }) => filter.label);
}

/**
 * Which entities and relations stay visible: an entity when every filter that judges
 * entities keeps it; a relation when every filter that judges relations keeps it and both
 * its entities are visible; then each filter's last pass. `scope`, when given (focus mode),
 * further limits both sets.
 */
export function computeVisibility(data: GraphData, filters: FilterState, scope: Visibility | null = null): Visibility {
  const on = active(filters);
  const entityTests = on.filter(({ filter }) => filter.matchesEntity);
  const relationTests = on.filter(({ filter }) => filter.matchesRelation);
  const entities = new Set<string>();
  for (const entity of data.entities) {
    if (scope && !scope.entities.has(entity.id)) continue;
    if (entityTests.every(({ filter, value }) => filter.matchesEntity?.(value, entity) ?? true))
      entities.add(entity.id);
  }
  const relations = new Set<string>();
  for (const relation of data.relations) {
    if (scope && !scope.relations.has(relation.id)) continue;
    if (!entities.has(relation.subjectId) || !entities.has(relation.objectId)) continue;
    if (relationTests.every(({ filter, value }) => filter.matchesRelation?.(value, relation, filters) ?? true))
      relations.add(relation.id);
  }
  return on.reduce<Visibility>(
    (visible, { filter, value }) => (filter.refine ? filter.refine(value, visible, data) : visible),
    { entities, relations },
  );
}

/** The filters a query string names (defaults for what it does not). */
export function readFilters(params: URLSearchParams): FilterState {
  return Object.fromEntries(FILTERS.map((filter) => [filter.id, filter.read(params)])) as FilterState;
}

/** What the query string gives the filters that they could not read (and so ignored), said for the user. */
export function misreadFilters(params: URLSearchParams): string[] {
  return (FILTERS as readonly AnyFilter[]).flatMap((filter) => filter.misread?.(params) ?? []);
}

/** The query-string parts of the filters, in the fixed order of FILTERS; none for defaults. */
export function writeFilters(filters: FilterState): UrlParams {
  return withValues(filters).flatMap(({ filter, value }) => filter.write(value));
}

/** The filters with what the loaded graph does not have dropped, and what was dropped. */
export function cleanFilters(filters: FilterState, data: GraphData): { filters: FilterState; problems: string[] } {
  const cleaned = withValues(filters).map(({ filter, value }) => ({ id: filter.id, ...filter.clean(value, data) }));
  return {
    filters: Object.fromEntries(cleaned.map(({ id, value }) => [id, value])) as FilterState,
    problems: cleaned.flatMap(({ problems }) => problems),
  };
}

type FilterProducer = (state: FilterState) => FilterState;

/** Sets one filter's value. */
export const setFilterValue =
  <Id extends FilterId>(id: Id, value: FilterState[Id]): FilterProducer =>
  (state) => ({ ...state, [id]: value });

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

/** True when a set filter holds as many chosen values as the API takes in one list: no more can be added. */
export const isChoiceFull = (chosen: readonly string[] | null): boolean =>
  chosen !== null && chosen.length >= LIST_ARGUMENT_MAX;

/**
 * Adds a value to what a searchable set filter keeps, or takes it out: from no restriction,
 * choosing one keeps only it; taking out the last chosen one lifts the restriction. A full
 * choice (isChoiceFull) takes no more.
 */
export const toggleChosenValue =
  (id: SetFilterId, value: string): FilterProducer =>
  (state) => {
    const chosen = state[id];
    if (chosen === null) return { ...state, [id]: [value] };
    if (chosen.includes(value)) {
      const next = chosen.filter((item) => item !== value);
      return { ...state, [id]: next.length === 0 ? null : next };
    }
    return isChoiceFull(chosen) ? state : { ...state, [id]: [...chosen, value] };
  };

/** Keeps only one value of a set filter ("show only what this source supports"). */
export const onlyFilterValue =
  (id: SetFilterId, value: string, allValues: readonly string[]): FilterProducer =>
  (state) => ({ ...state, [id]: normaliseSet([value], allValues) });

/** Puts one filter back to its default (no restriction). */
export const clearFilter =
  (id: FilterId): FilterProducer =>
  (state) => ({ ...state, [id]: DEFAULT_FILTERS[id] });

/** Sets a range filter to a whole number, no lower than its minimum. */
export const setRangeValue = (id: RangeFilterId, value: number): FilterProducer => {
  const filter = FILTERS.find((candidate) => candidate.id === id);
  const min = filter?.kind === 'range' ? filter.min : 0;
  return setFilterValue(id, Math.max(min, Math.floor(value) || min));
};

export const setMinSources = (minSources: number): FilterProducer => setRangeValue('minSources', minSources);

/** Sets the time range (null ends are open). */
export const setTimeRange = (value: FilterState['during']): FilterProducer => setFilterValue('during', value);

export const resetFilters = (): FilterProducer => () => DEFAULT_FILTERS;

/** The values a set filter offers, from the loaded graph, in display order. */
export function filterOptions(id: SetFilterId, data: GraphData): FilterOption[] {
  const filter = FILTERS.find((candidate) => candidate.id === id);
  return filter?.kind === 'set' ? filter.options(data) : [];
}

/** A set filter with more options than this shows a box to find one by name. */
export const FINDABLE_OPTIONS = 12;

/** Case and accents set aside, so "etat" finds "État": the server's text filters fold the same way (server/graph/text-folding.ts). */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The options whose label or value contains `text` (case and accents set aside); all when `text` is blank. */
export function optionsMatching(options: readonly FilterOption[], text: string): readonly FilterOption[] {
  const wanted = folded(text.trim());
  if (wanted === '') return options;
  return options.filter((option) => folded(option.label).includes(wanted) || folded(option.value).includes(wanted));
}
