/**
 * Which relations match a filter
 * ==============================
 *
 * A filter has up to nine parts (ids, types, entity, sources, minSources, entityTypes, ownVoice,
 * unhedged, during). Each part but entityTypes has an
 * index giving its relations as sorted id lists (ids are their own list); a page reads the smallest of them and
 * checks the other parts on each candidate, so the work follows the most selective part,
 * not the size of the graph. Absent parts do not filter; an empty list (`types: []`)
 * matches nothing.
 */
import type { RelationRecord } from '../data/model';
import { type GraphIndex, compareStrings, indexLists, relationRecord } from './indexes';
import { type Candidates, type Connection, type PageArgs, paginate } from './pagination';
import { type VoiceFilter, relationPasses, voiceFilterList } from './statements';
import { type TimeRangeInput, readTimeRange, relationInRange, relationsInRange } from './time';

export interface RelationFilter extends VoiceFilter {
  /** Only these relations (known ids: known-values.ts refuses the others). */
  ids?: readonly string[] | null;
  types?: readonly string[] | null;
  entity?: string | null;
  sources?: readonly string[] | null;
  minSources?: number | null;
  entityTypes?: readonly string[] | null;
  /** Only relations that held or happened in this range (time.ts), and the undated ones if it says so. */
  during?: TimeRangeInput | null;
}

export type Direction = 'OUTGOING' | 'INCOMING' | 'ANY';

/** A page of the relations matching the filter, in id order. */
export function relationsPage(
  index: GraphIndex,
  filter: RelationFilter | null | undefined,
  page: PageArgs,
): Connection<RelationRecord> {
  const candidates = relationCandidates(index, filter ?? {});
  return paginate(candidates, page, (id) => index.graph.getEdgeAttributes(id), index.countCache);
}

/** The relation with this id, or null. */
export function relationById(index: GraphIndex, id: string): RelationRecord | null {
  return relationRecord(index, id) ?? null;
}

/**
 * The sorted id lists to read for a filter: the smallest of the lists its parts' indexes
 * give, with the whole filter as the predicate (checking the chosen part again costs a set
 * lookup, and keeps one definition of "matches").
 */
export function relationCandidates(index: GraphIndex, filter: RelationFilter): Candidates {
  const matches = relationMatcher(index, filter);
  const accepts = matches ? (id: string) => matches(index.graph.getEdgeAttributes(id)) : undefined;

  const options: { lists: readonly (readonly string[])[]; disjoint: boolean }[] = [];
  if (filter.ids != null) {
    options.push({ lists: [[...new Set(filter.ids)].sort(compareStrings)], disjoint: true });
  }
  if (filter.types != null) {
    options.push({ lists: indexLists(index.relationsByType, filter.types), disjoint: true });
  }
  if (filter.entity != null) {
    options.push({ lists: indexLists(index.relationsByEntity, [filter.entity]), disjoint: true });
  }
  if (filter.sources != null) {
    options.push({ lists: indexLists(index.relationsBySource, filter.sources), disjoint: false });
  }
  if (filter.minSources != null && filter.minSources > 0) {
    options.push({ lists: index.relationsByCorroboration.slice(filter.minSources), disjoint: true });
  }
  if (filter.during != null) {
    options.push({ lists: [relationsInRange(index.time, readTimeRange(filter.during))], disjoint: true });
  }
  const voiceList = voiceFilterList(index.statements, filter);
  if (voiceList) options.push({ lists: [voiceList], disjoint: true });
  if (options.length === 0) {
    // Entity types alone have no index of their own: every relation is read, and the count
    // is remembered per filter, as for any predicate.
    if (!accepts) return { lists: [index.relationIds], disjoint: true };
    return { lists: [index.relationIds], disjoint: true, accepts, countKey: `relations ${filterKey(filter)}` };
  }

  const size = (lists: readonly (readonly string[])[]) => lists.reduce((sum, list) => sum + list.length, 0);
  const smallest = options.reduce((best, option) => (size(option.lists) < size(best.lists) ? option : best));
  // A single part served by its own index needs no predicate: its lists are exactly the answer
  // (entity types have no index, so they always need it).
  if (options.length === 1 && filter.entityTypes == null) return { lists: smallest.lists, disjoint: smallest.disjoint };
  return { lists: smallest.lists, disjoint: smallest.disjoint, accepts, countKey: `relations ${filterKey(filter)}` };
}

/** The same text for filters that mean the same, whatever the order of their lists. */
function filterKey(filter: RelationFilter): string {
  const sorted = (list: readonly string[] | null | undefined) => (list == null ? null : [...new Set(list)].sort());
  return JSON.stringify([
    sorted(filter.ids),
    sorted(filter.types),
    filter.entity ?? null,
    sorted(filter.sources),
    filter.minSources ?? 0,
    sorted(filter.entityTypes),
    Boolean(filter.ownVoice),
    Boolean(filter.unhedged),
    filter.during == null ? null : readTimeRange(filter.during),
  ]);
}

/** A predicate for the filter, or null when the filter keeps every relation. */
export function relationMatcher(
  index: GraphIndex,
  filter: RelationFilter | null | undefined,
): ((relation: RelationRecord) => boolean) | null {
  if (!filter) return null;
  const ids = filter.ids == null ? null : new Set(filter.ids);
  const types = filter.types == null ? null : new Set(filter.types);
  const sources = filter.sources == null ? null : new Set(filter.sources);
  const entity = filter.entity ?? null;
  const minSources = filter.minSources ?? 0;
  const entityTypes = filter.entityTypes == null ? null : new Set(filter.entityTypes);
  const voice = filter.ownVoice || filter.unhedged ? { ownVoice: filter.ownVoice, unhedged: filter.unhedged } : null;
  const during = filter.during == null ? null : readTimeRange(filter.during);
  if (!ids && !types && !sources && entity === null && minSources <= 0 && !entityTypes && !voice && !during)
    return null;
  const typeOf = (id: string) => index.graph.getNodeAttribute(id, 'type');
  return (relation) =>
    (!ids || ids.has(relation.id)) &&
    (!types || types.has(relation.type)) &&
    (!entityTypes || (entityTypes.has(typeOf(relation.subject)) && entityTypes.has(typeOf(relation.object)))) &&
    (entity === null || relation.subject === entity || relation.object === entity) &&
    relation.sourceIds.length >= minSources &&
    (!sources || relation.sourceIds.some((id) => sources.has(id))) &&
    (!voice || relationPasses(relation, voice)) &&
    (!during || relationInRange(index.time, relation.id, during));
}

/** An entity's relations by direction and type, in id order (empty for an unknown entity). */
export function relationsOfEntity(
  index: GraphIndex,
  entityId: string,
  options: { direction?: Direction | null; types?: readonly string[] | null } = {},
): RelationRecord[] {
  const direction = options.direction ?? 'ANY';
  const types = options.types == null ? null : new Set(options.types);
  const relations: RelationRecord[] = [];
  for (const id of index.relationsByEntity.get(entityId) ?? []) {
    const relation = index.graph.getEdgeAttributes(id);
    if (types && !types.has(relation.type)) continue;
    if (direction === 'OUTGOING' && relation.subject !== entityId) continue;
    if (direction === 'INCOMING' && relation.object !== entityId) continue;
    relations.push(relation);
  }
  return relations;
}

/** Best-supported first: more distinct sources, then more citations, then id. */
export function byCorroboration(a: RelationRecord, b: RelationRecord): number {
  return (
    b.sourceIds.length - a.sourceIds.length || b.citations.length - a.citations.length || compareStrings(a.id, b.id)
  );
}
