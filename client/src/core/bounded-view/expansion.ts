/**
 * Expanding entities in the bounded view: what each expansion brought in, and the view as
 * the loaded overview plus every expansion, recomposed on each change so that collapsing one
 * removes exactly what it added and nothing another expansion or the overview still needs.
 * Pure: api/expand-entity.ts fetches the pages, bindings/use-expansions.ts keeps the state.
 */
import type { EntityNode, GraphData, RelationEdge } from '../graph-data';

/** Neighbours brought in per "expand" or "next": a hub joins the view this many at a time. */
export const EXPAND_PAGE_SIZE = 50;

export interface TypeCount {
  type: string;
  count: number;
}

/** One expanded entity: its pages so far and how many relations it has in all. */
export interface Expansion {
  entityId: string;
  entities: EntityNode[];
  relations: RelationEdge[];
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

export function collapse(expansions: Expansions, entityId: string): Expansions {
  if (!expansions.has(entityId)) return expansions;
  const next = new Map(expansions);
  next.delete(entityId);
  return next;
}

/** "50 of 8,790" relations of an expanded entity. */
export function expansionCounts(expansion: Expansion): { shown: number; total: number } {
  return { shown: expansion.relations.length, total: expansion.total };
}

/**
 * The view: the loaded overview plus each expansion's entities and relations (each once,
 * the overview's first). Relations whose ends are not both in the view are left out.
 */
export function composeView(base: GraphData, expansions: Expansions): GraphData {
  if (expansions.size === 0) return base;
  const entityById = new Map(base.entityById);
  const entities = [...base.entities];
  for (const expansion of expansions.values()) {
    for (const entity of expansion.entities) {
      if (entityById.has(entity.id)) continue;
      entityById.set(entity.id, entity);
      entities.push(entity);
    }
  }
  const relationById = new Map(base.relationById);
  const relations = [...base.relations];
  for (const expansion of expansions.values()) {
    for (const relation of expansion.relations) {
      if (relationById.has(relation.id)) continue;
      if (!entityById.has(relation.subjectId) || !entityById.has(relation.objectId)) continue;
      relationById.set(relation.id, relation);
      relations.push(relation);
    }
  }
  return { ...base, entities, relations, entityById, relationById };
}
