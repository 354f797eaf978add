/**
 * Which entities match a filter
 * =============================
 *
 * Types and sources have indexes (sorted id lists); a page reads the smaller, or the ids when
 * the filter names them (a client asking which of the entities it shows a source supports,
 * whatever the size of the graph). The `text`
 * part ("contains", on folded names and aliases) has no index that answers substrings, so it
 * is checked on each candidate as the page is read: on a large graph it is cheapest together
 * with a type or source. Absent parts do not filter; an empty list matches nothing.
 */
import type { ClaimRecord, EntityRecord, SourceRecord } from '../data/model';
import { type GraphIndex, compareStrings, entityRecord, indexLists } from './indexes';
import { ID_ORDER, type ListOrder, listPage } from './list-pages';
import { type Candidates, type Connection, type PageArgs, paginate, sortedHas } from './pagination';
import { foldText } from './text-folding';

export interface EntityFilter {
  /** Only these entities (known ids: known-values.ts refuses the others). */
  ids?: readonly string[] | null;
  types?: readonly string[] | null;
  text?: string | null;
  sources?: readonly string[] | null;
}

/** A page of the entities matching the filter, in id order. */
export function entitiesPage(
  index: GraphIndex,
  filter: EntityFilter | null | undefined,
  page: PageArgs,
): Connection<EntityRecord> {
  return paginate(
    entityCandidates(index, filter ?? {}),
    page,
    (id) => index.graph.getNodeAttributes(id),
    index.countCache,
  );
}

/** The entity with this id, or null. */
export function entityById(index: GraphIndex, id: string): EntityRecord | null {
  return entityRecord(index, id) ?? null;
}

export function entityCandidates(index: GraphIndex, filter: EntityFilter): Candidates {
  const text = filter.text == null ? '' : foldText(filter.text.trim());
  const byType = filter.types == null ? null : indexLists(index.entitiesByType, filter.types);
  const bySource = filter.sources == null ? null : indexLists(index.entitiesBySource, filter.sources);

  const size = (lists: readonly (readonly string[])[]) => lists.reduce((sum, list) => sum + list.length, 0);
  let lists: readonly (readonly string[])[] = [index.entityIds];
  let disjoint = true;
  let checkTypes = false;
  let checkSources = false;
  if (filter.ids != null) {
    lists = [[...new Set(filter.ids)].sort(compareStrings)];
    [checkTypes, checkSources] = [byType !== null, bySource !== null];
  } else if (byType && bySource) {
    const typesSmaller = size(byType) <= size(bySource);
    [lists, disjoint] = typesSmaller ? [byType, true] : [bySource, false];
    [checkTypes, checkSources] = [!typesSmaller, typesSmaller];
  } else if (byType) {
    lists = byType;
  } else if (bySource) {
    [lists, disjoint] = [bySource, false];
  }

  const types = checkTypes && filter.types ? new Set(filter.types) : null;
  const sources = checkSources && filter.sources ? [...new Set(filter.sources)] : null;
  if (!types && !sources && !text) return { lists, disjoint };
  const sorted = (list: readonly string[] | null | undefined) => (list == null ? null : [...new Set(list)].sort());
  return {
    lists,
    disjoint,
    countKey: `entities ${JSON.stringify([sorted(filter.ids), sorted(filter.types), text, sorted(filter.sources)])}`,
    accepts: (id) =>
      (!types || types.has(index.graph.getNodeAttribute(id, 'type'))) &&
      (!sources || sources.some((sourceId) => sortedHas(index.entitiesBySource.get(sourceId) ?? [], id))) &&
      (!text || (index.entityText.get(id) ?? '').includes(text)),
  };
}

const NO_CLAIMS: readonly ClaimRecord[] = [];
const NO_IDS: readonly string[] = [];

/** A page of the claims the sources make about an entity, by attribute, value, then id. */
export function claimsOfEntity(index: GraphIndex, entityId: string, page: PageArgs): Connection<ClaimRecord> {
  return listPage(index.claimsByEntity.get(entityId) ?? NO_CLAIMS, page, CLAIM_ORDER, (claim) => claim);
}

/** Claims are keyed by id; the list is not sorted by it, so a cursor is a position lookup. */
const CLAIM_ORDER: ListOrder<ClaimRecord> = { keyOf: (claim) => claim.id };

/** A page of the sources behind an entity's relations and claims, by id. */
export function sourcesOfEntity(index: GraphIndex, entityId: string, page: PageArgs): Connection<SourceRecord> {
  return listPage(index.sourceIdsByEntity.get(entityId) ?? NO_IDS, page, ID_ORDER, (id) =>
    index.knowledgeGraph.sources.get(id)!,
  );
}
