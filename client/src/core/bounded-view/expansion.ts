/**
 * Expanding entities in the bounded view: what each expansion brought in, and the view as
 * the loaded overview plus every expansion, recomposed on each change so that collapsing one
 * removes exactly what it added and nothing another expansion or the overview still needs.
 * Pure: the URL says what is expanded (expanded.ts), api/expand-entity.ts fetches the pages,
 * bindings/use-expansions.ts keeps them.
 */
import type { EntityNode, GraphData, RelationEdge } from '../graph-data';
import type { ExpandedState } from './expanded';

/** Neighbours brought in per "expand" or "next": a hub joins the view this many at a time. */
export const EXPAND_PAGE_SIZE = 50;

export interface TypeCount {
  type: string;
  count: number;
}

/**
 * What joins the view around one entity: an expansion's pages, or a focus's neighbourhood
 * (focus-layer.ts). New entities are placed around `entityId` (placement.ts).
 */
export interface ViewLayer {
  entityId: string;
  entities: readonly EntityNode[];
  relations: readonly RelationEdge[];
}

/** One expanded entity: its pages so far and how many relations it has in all. */
export interface Expansion extends ViewLayer {
  /** The entity's relations in the whole graph. */
  total: number;
  countsByType: TypeCount[];
  countsByEntityType: TypeCount[];
  /** Where the next page starts; null when every relation is in. */
  next: string | null;
}

export interface NeighbourPage {
  entities: EntityNode[];
  relations: RelationEdge[];
  total: number;
  countsByType: TypeCount[];
  countsByEntityType: TypeCount[];
  next: string | null;
}

export type Expansions = ReadonlyMap<string, Expansion>;

/** Adds a page to an entity's expansion (its first page starts it). */
export function addPage(expansions: Expansions, entityId: string, page: NeighbourPage): Expansions {
  const previous = expansions.get(entityId);
  const next = new Map(expansions);
  next.set(entityId, {
    entityId,
    entities: [...(previous?.entities ?? []), ...page.entities],
    relations: [...(previous?.relations ?? []), ...page.relations],
    total: page.total,
    countsByType: page.countsByType,
    countsByEntityType: page.countsByEntityType,
    next: page.next,
  });
  return next;
}

/** "50 of 8,790" relations of an expanded entity. */
export function expansionCounts(expansion: Expansion): { shown: number; total: number } {
  return { shown: expansion.relations.length, total: expansion.total };
}

/**
 * The view: the loaded overview plus each layer's (each expansion's, a focus's) entities and
 * relations, each once, the overview's first. Relations whose ends are not both in the view
 * are left out.
 */
export function composeView(base: GraphData, layers: readonly ViewLayer[]): GraphData {
  if (layers.length === 0) return base;
  const entityById = new Map(base.entityById);
  const entities = [...base.entities];
  for (const layer of layers) {
    for (const entity of layer.entities) {
      if (entityById.has(entity.id)) continue;
      entityById.set(entity.id, entity);
      entities.push(entity);
    }
  }
  const relationById = new Map(base.relationById);
  const relations = [...base.relations];
  for (const layer of layers) {
    for (const relation of layer.relations) {
      if (relationById.has(relation.id)) continue;
      if (!entityById.has(relation.subjectId) || !entityById.has(relation.objectId)) continue;
      relationById.set(relation.id, relation);
      relations.push(relation);
    }
  }
  return { ...base, entities, relations, entityById, relationById };
}

/**
 * Every page of neighbours fetched so far, per entity, in order. A cache beside the URL's
 * expansions (expanded.ts): Back to fewer pages or a collapsed entity shows them again
 * without asking the API, and a page is asked once.
 */
export type LoadedPages = ReadonlyMap<string, readonly NeighbourPage[]>;

/** The expansions the URL asks for, from the pages loaded so far, in the URL's order. */
export function expansionsFor(wanted: ExpandedState, loaded: LoadedPages): Expansions {
  let expansions: Expansions = new Map();
  for (const { entityId, pages } of wanted) {
    for (const page of (loaded.get(entityId) ?? []).slice(0, pages)) {
      expansions = addPage(expansions, entityId, page);
    }
  }
  return expansions;
}

/**
 * The next page to fetch for the URL's expansions: the first entity (in the URL's order)
 * with fewer pages loaded than asked and more to come, and where its next page starts
 * (null for its first). Null when everything asked for is in. One at a time, in order, so a
 * link restores the view the way it was built; entities in `failed` are passed over.
 */
export function nextPageToLoad(
  wanted: ExpandedState,
  loaded: LoadedPages,
  failed: ReadonlySet<string> = new Set(),
): { entityId: string; after: string | null } | null {
  for (const { entityId, pages } of wanted) {
    // One that could not be had (an id the API does not know) does not hold up the rest.
    if (failed.has(entityId)) continue;
    const have = loaded.get(entityId) ?? [];
    if (have.length >= pages) continue;
    const last = have.at(-1);
    if (last && last.next === null) continue;
    return { entityId, after: last?.next ?? null };
  }
  return null;
}

/** Adds a fetched page to the cache (ignored unless it is the entity's next one). */
export function withLoadedPage(loaded: LoadedPages, entityId: string, after: string | null, page: NeighbourPage) {
  const have = loaded.get(entityId) ?? [];
  const expectedAfter = have.at(-1)?.next ?? null;
  if (have.length > 0 ? expectedAfter !== after : after !== null) return loaded;
  const next = new Map(loaded);
  next.set(entityId, [...have, page]);
  return next;
}
