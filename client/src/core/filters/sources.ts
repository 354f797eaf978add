/**
 * Sources: only what the chosen sources support: relations one of them cites, and entities
 * with a relation or claim one of them supports.
 */
import { sourceShortName } from '../graph-data';
import { setFilter, allowsAny } from './set-filter';

export const sourcesFilter = setFilter({
  id: 'sources',
  param: 'sources',
  label: 'Sources',
  itemNoun: 'source',
  known: (data) => data.sources.map((source) => source.id),
  options: (data) =>
    data.sources.map((source) => ({
      value: source.id,
      label: sourceShortName(source),
      description: source.title,
      count: data.relations.filter((relation) => relation.sourceIds.includes(source.id)).length,
    })),
  toApi: (value) => ({ sources: value }),
  toEntityApi: (value) => ({ sources: value }),
  matchesEntity: (value, entity) => allowsAny(value ?? [], entity.sourceIds),
  matchesRelation: (value, relation) => allowsAny(value ?? [], relation.sourceIds),
});
