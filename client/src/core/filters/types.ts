/** One value a set filter offers in the panel. */
export interface FilterOption {
  value: string;
  label: string;
  /** Longer text for a tooltip or screen readers. */
  description?: string;
  /** How many items carry this value in the whole graph. */
  count?: number;
}

/** The ids of what stays visible. */
export interface Visibility {
  entities: Set<string>;
  relations: Set<string>;
}
