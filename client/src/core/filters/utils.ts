import type { GraphData } from '../graph-data';
import type { FilterState, Visibility } from './types';

const allows = (chosen: string[] | null, value: string): boolean => chosen === null || chosen.includes(value);
const allowsAny = (chosen: string[] | null, values: readonly string[]): boolean =>
  chosen === null || values.some((value) => chosen.includes(value));

export function isFiltered(filters: FilterState): boolean {
  return (
    filters.entityTypes !== null ||
    filters.relationTypes !== null ||
    filters.sources !== null ||
    filters.minSources > 1 ||
    filters.hideIsolated
  );
}

/** The API's RelationFilter fields; an absent field is no restriction. */
export interface RelationFilterFields {
  types?: string[];
  sources?: string[];
  minSources?: number;
  entityTypes?: string[];
}

/** The part of the filters the API understands, for server-side questions (neighbourhood, paths). */
export function toRelationFilter(filters: FilterState): RelationFilterFields {
  const filter: RelationFilterFields = {};
  if (filters.relationTypes !== null) filter.types = filters.relationTypes;
  if (filters.sources !== null) filter.sources = filters.sources;
  if (filters.minSources > 1) filter.minSources = filters.minSources;
  // Sent so that a neighbourhood or path walk never passes through an entity type the user hid.
  if (filters.entityTypes !== null) filter.entityTypes = filters.entityTypes;
  return filter;
}

/**
 * Which entities and relations stay visible. The rules mirror the API's filters:
 * an entity passes when its type is chosen and, with a source filter, a chosen source
 * supports one of its relations or claims; a relation passes when its type is chosen,
 * a chosen source cites it, enough sources support it, and both its entities are visible.
 * `scope`, when given (focus mode), further limits both sets.
 */
export function computeVisibility(data: GraphData, filters: FilterState, scope: Visibility | null = null): Visibility {
  const entities = new Set<string>();
  for (const entity of data.entities) {
    if (scope && !scope.entities.has(entity.id)) continue;
    if (!allows(filters.entityTypes, entity.type)) continue;
    if (!allowsAny(filters.sources, entity.sourceIds)) continue;
    entities.add(entity.id);
  }
  const relations = new Set<string>();
  for (const relation of data.relations) {
    if (scope && !scope.relations.has(relation.id)) continue;
    if (!allows(filters.relationTypes, relation.type)) continue;
    if (!allowsAny(filters.sources, relation.sourceIds)) continue;
    if (relation.corroboration < filters.minSources) continue;
    if (!entities.has(relation.subjectId) || !entities.has(relation.objectId)) continue;
    relations.add(relation.id);
  }
  if (filters.hideIsolated) {
    const connected = new Set<string>();
    for (const id of relations) {
      const relation = data.relationById.get(id);
      if (!relation) continue;
      connected.add(relation.subjectId);
      connected.add(relation.objectId);
    }
    for (const id of entities) if (!connected.has(id)) entities.delete(id);
  }
  return { entities, relations };
}
