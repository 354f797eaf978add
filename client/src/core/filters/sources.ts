/**
 * Sources: only what the chosen sources support: relations one of them cites, and entities
 * with a relation or claim one of them supports. A graph can hold thousands of sources, so the
 * panel searches them through the API (`searchable`); `options` serves small lists and tests.
 * Which sources support an entity is not in the loaded graph (a hub's can number in the
 * thousands): the API answers it for the entities shown (api/use-source-support.ts), and
 * computeVisibility takes the answer as a scope (sourceSupportScope).
 */
import { sourceShortName, type GraphData } from '../graph-data';
import type { Visibility } from './types';
import { setFilter, allowsAny } from './set-filter';

export const sourcesFilter = setFilter({
  id: 'sources',
  param: 'sources',
  label: 'Sources',
  itemNoun: 'source',
  searchable: true,
  // Until every source is in (GraphData.sourcesComplete), a link's source may be one not seen yet.
  known: (data) => (data.sourcesComplete ? data.sources.map((source) => source.id) : null),
  options(data) {
    // One pass over the relations, not one per source.
    const cited = new Map<string, number>();
    for (const relation of data.relations) for (const id of relation.sourceIds) cited.set(id, (cited.get(id) ?? 0) + 1);
    return data.sources.map((source) => ({
      value: source.id,
      label: sourceShortName(source),
      description: source.title,
      count: cited.get(source.id) ?? 0,
    }));
  },
  toApi: (value) => ({ sources: value }),
  toEntityApi: (value) => ({ sources: value }),
  matchesRelation: (value, relation) => allowsAny(value ?? [], relation.sourceIds),
});

/**
 * The source filter's rule for entities as a scope for computeVisibility: the entities the
 * chosen sources support (as the API answered), and every relation (the filter's own rule
 * judges those).
 */
export function sourceSupportScope(data: GraphData, supported: ReadonlySet<string>): Visibility {
  return { entities: new Set(supported), relations: new Set(data.relationById.keys()) };
}
