/**
 * The active filters in words, one line each ("Minimum supporting sources: at least 2 of 5
 * sources"), from the definitions alone: for a caption under an exported picture and for
 * the table's note of what it shows.
 */
import type { GraphData } from '../graph-data';
import type { AnyFilter, FilterDefinition } from './definition';
import { FILTERS, type FilterState } from './index';

function valueInWords(filter: FilterDefinition, value: unknown, data: GraphData): string {
  switch (filter.kind) {
    case 'set': {
      const chosen = value as string[];
      if (chosen.length === 0) return `no ${filter.itemNoun} chosen`;
      const labels = new Map(filter.options(data).map((option) => [option.value, option.label]));
      return chosen.map((id) => labels.get(id) ?? id).join(', ');
    }
    case 'range':
      return filter.valueText(value as number, filter.max(data));
    case 'toggle':
      return 'on';
    case 'time': {
      const range = value as FilterState['during'];
      const span = `${range.from ?? 'the start'} to ${range.to ?? 'the end'}`;
      return range.includeUndated ? `${span}, and undated` : span;
    }
  }
}

/** Each active filter as "Label: value", in the order of FILTERS. */
export function describeActiveFilters(filters: FilterState, data: GraphData): string[] {
  const values: Record<string, unknown> = filters;
  return (FILTERS as readonly FilterDefinition[])
    .filter((filter) => (filter as AnyFilter).isActive(values[filter.id]))
    .map((filter) => `${filter.label}: ${valueInWords(filter, values[filter.id], data)}`);
}
