import type { GraphData } from '../graph-data';
import { sourceShortName } from '../graph-data';
import type { FilterDescriptor, FilterOption, SetFilterId } from './types';

export const FILTER_DESCRIPTORS: readonly FilterDescriptor[] = [
  { id: 'entityTypes', kind: 'set', label: 'Entity types', itemNoun: 'entity type' },
  { id: 'relationTypes', kind: 'set', label: 'Relation types', itemNoun: 'relation type' },
  { id: 'sources', kind: 'set', label: 'Sources', itemNoun: 'source' },
  { id: 'minSources', kind: 'number', label: 'Minimum supporting sources', min: 1, defaultValue: 1 },
  { id: 'hideIsolated', kind: 'boolean', label: 'Hide entities without visible relations', defaultValue: false },
];

/** The values a set filter can take, from the loaded graph, in display order. */
export function filterOptions(id: SetFilterId, data: GraphData): FilterOption[] {
  switch (id) {
    case 'entityTypes':
      return data.entityTypes.map((type) => ({
        value: type.id,
        label: type.label,
        description: type.description,
        count: type.count,
      }));
    case 'relationTypes':
      return data.relationTypes
        .filter((type) => type.count > 0)
        .map((type) => ({ value: type.id, label: type.label, description: type.description, count: type.count }));
    case 'sources':
      return data.sources.map((source) => ({
        value: source.id,
        label: sourceShortName(source),
        description: source.title,
        count: data.relations.filter((relation) => relation.sourceIds.includes(source.id)).length,
      }));
  }
}
