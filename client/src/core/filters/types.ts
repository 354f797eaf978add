/** What the user narrows the graph to. `null` in a set filter means "no restriction". */
export interface FilterState {
  /** Only entities of these types. */
  entityTypes: string[] | null;
  /** Only relations of these types. */
  relationTypes: string[] | null;
  /** Only what these sources support (entities with a relation or claim from one, relations cited by one). */
  sources: string[] | null;
  /** Only relations supported by at least this many distinct sources (1 = no restriction). */
  minSources: number;
  /** Hide entities left without any visible relation. */
  hideIsolated: boolean;
}

export type SetFilterId = 'entityTypes' | 'relationTypes' | 'sources';

export interface FilterOption {
  value: string;
  label: string;
  /** Longer text for a tooltip or screen readers. */
  description?: string;
  /** How many items carry this value in the whole graph. */
  count?: number;
}

/**
 * Filters described as data: the filter panel is generated from these, and the URL state
 * and the API filter are derived from the same state.
 */
export type FilterDescriptor =
  | { id: SetFilterId; kind: 'set'; label: string; itemNoun: string }
  | { id: 'minSources'; kind: 'number'; label: string; min: number; defaultValue: number }
  | { id: 'hideIsolated'; kind: 'boolean'; label: string; defaultValue: boolean };

/** The ids of what stays visible. */
export interface Visibility {
  entities: Set<string>;
  relations: Set<string>;
}
