/**
 * What a filter is
 * ================
 *
 * One definition per filter says everything about it: its label and default, whether it is
 * on, how it reads, writes and cleans its part of the URL, what it sends to the API, and
 * which entities and relations it keeps. The URL state, the filter panel, visibility and the
 * API filter loop over the definitions (index.ts), so a new filter is one module here plus
 * its rule on the server. To add one: write `<filter>.ts` exporting its definition and list
 * it in FILTERS (index.ts); give schema.graphql's RelationFilter its field and
 * server/graph/relations.ts its rule. tests/client/filters-agree-with-api.test.ts then asks
 * for the values worth trying (its table is typed by FilterId, so it does not compile until
 * it has them) and proves the client's and the API's rules keep the same relations.
 *
 * `kind` says which control the panel draws (a checkbox list, a slider, a checkbox); a
 * filter of a new kind (a time range) brings its control to the panel too.
 */
import type { RelationFilter } from '../../api/generated/graphql';
import type { EntityNode, GraphData, RelationEdge } from '../graph-data';
import type { FilterOption, Visibility } from './types';

/** A filter's part of the URL's query string: [name, already-encoded value] pairs. */
export type UrlParams = [string, string][];

/**
 * Every filter's value by id, erased: what a matcher reads when its rule depends on another
 * filter (the voice filters: both on means one citation must pass both).
 */
export type FilterValues = Readonly<Record<string, unknown>>;

/** The problem of a query-string value a filter cannot read: names it and says what would do. */
export function unreadableParam(param: string, value: string, expected: string): string {
  return `The link's "${param}" value "${value}" is not ${expected}; it was ignored.`;
}

/** A cleaned value, and what cleaning dropped, said for the user. */
export interface Cleaned<Value> {
  value: Value;
  problems: string[];
}

// Methods (not function-valued properties) on purpose: their parameters are checked
// bivariantly, so every definition fits the erased `AnyFilter` the generic loops read.
interface FilterBase<Id extends string, Value> {
  id: Id;
  label: string;
  defaultValue: Value;
  /** True when the value restricts anything (the panel's "some on", the Reset button). */
  isActive(value: Value): boolean;
  /** The value a query string names; the default when it names none or nonsense. */
  read(params: URLSearchParams): Value;
  /** What of the query string `read` could not make sense of (and so ignored), said for the user. */
  misread?(params: URLSearchParams): string[];
  /** The query-string parts for a value; none for the default. */
  write(value: Value): UrlParams;
  /** Drops what the loaded graph does not have (a stale or hand-written link). */
  clean(value: Value, data: GraphData): Cleaned<Value>;
  /** The API's RelationFilter fields for an active value (server-side questions: neighbourhood, paths). */
  toApi(value: Value): RelationFilter;
  /** Whether an entity passes; absent when the filter does not judge entities. */
  matchesEntity?(value: Value, entity: EntityNode): boolean;
  /** Whether a relation passes; absent when the filter does not judge relations. */
  matchesRelation?(value: Value, relation: RelationEdge, filters: FilterValues): boolean;
  /** A last pass over what the matchers kept (hiding entities left without relations). */
  refine?(value: Value, visible: Visibility, data: GraphData): Visibility;
}

/** A choice among the graph's values (types, sources); null is "no restriction", [] is "none chosen". */
export interface SetFilterDefinition<Id extends string = string> extends FilterBase<Id, string[] | null> {
  kind: 'set';
  /** "entity type": what one value is, for labels. */
  itemNoun: string;
  /** The values to choose from, from the loaded graph, in display order. */
  options(data: GraphData): FilterOption[];
  /** Options carry the colour swatch of their entity type. */
  swatches?: boolean;
  /** The panel keeps the list folded while nothing is chosen (long lists). */
  foldedUnlessActive?: boolean;
  /**
   * Values too many to list (thousands of sources): the panel draws a bounded list the API
   * serves (the most used first, a search box for the rest) with the chosen values kept as
   * checked items, in place of every option; choosing adds a value to the restriction. Today
   * the sources (views/explorer/SourceFilter.tsx).
   */
  searchable?: boolean;
}

/** A whole number from `min` to a maximum the graph sets. */
export interface RangeFilterDefinition<Id extends string = string> extends FilterBase<Id, number> {
  kind: 'range';
  min: number;
  max(data: GraphData): number;
  /** The value as a screen reader says it. */
  valueText(value: number, max: number): string;
}

/** On or off. */
export interface ToggleFilterDefinition<Id extends string = string> extends FilterBase<Id, boolean> {
  kind: 'toggle';
}

/** A time range: months or years from and to, either open; undated items pass only when asked. */
export interface TimeRangeValue {
  /** ISO date of year, month or day precision, or null for no lower bound. */
  from: string | null;
  to: string | null;
  includeUndated: boolean;
}

/** A span of time, drawn as the time bar under the graph. */
export interface TimeFilterDefinition<Id extends string = string> extends FilterBase<Id, TimeRangeValue> {
  kind: 'time';
}

export type FilterDefinition =
  SetFilterDefinition | RangeFilterDefinition | ToggleFilterDefinition | TimeFilterDefinition;

/** Any definition, its value erased: what the loops over every filter read. */
export type AnyFilter = FilterBase<string, unknown>;
