/**
 * Shaping one entity's details for its panel: claims by attribute (conflicting values side
 * by side) and relations by neighbour, each reading from the entity's side. Pure.
 */
import type { EntityClaimsQuery, EntityDetailsQuery, EntityRelationsPageQuery } from '../../api/generated/graphql';

export type EntityDetails = NonNullable<EntityDetailsQuery['entity']>;
export type EntityClaim = NonNullable<EntityClaimsQuery['entity']>['claims']['edges'][number]['node'];
/** One of an entity's relations as its panel pages them, with the entity at the other end. */
export type EntityRelationEdge = NonNullable<EntityRelationsPageQuery['entity']>['relations']['edges'][number];
export type EntityRelation = EntityRelationEdge['node'];

export interface ClaimGroup {
  attribute: string;
  /** "fighter_strength" → "Fighter strength". */
  label: string;
  claims: EntityClaim[];
  /** True when sources give different values for the attribute. */
  conflicting: boolean;
}

export function attributeLabel(attribute: string): string {
  const words = attribute.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Claims by attribute. `disputed`, when given, names the attributes the API reports as
 * disagreements (Entity.disagreements, which compares values folded); otherwise values are
 * compared trimmed and lower-cased.
 */
export function groupClaims(claims: readonly EntityClaim[], disputed?: ReadonlySet<string>): ClaimGroup[] {
  const groups = new Map<string, EntityClaim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.attribute);
    if (group) group.push(claim);
    else groups.set(claim.attribute, [claim]);
  }
  return [...groups.entries()].map(([attribute, group]) => ({
    attribute,
    label: attributeLabel(attribute),
    claims: group,
    conflicting: disputed
      ? disputed.has(attribute)
      : new Set(group.map((claim) => claim.value.trim().toLowerCase())).size > 1,
  }));
}

/** How a relation reads from the entity's side. */
export type RelationDirection = 'outgoing' | 'incoming' | 'symmetric';

export function relationDirection(entityId: string, relation: EntityRelation): RelationDirection {
  if (!relation.directed) return 'symmetric';
  return relation.subject.id === entityId ? 'outgoing' : 'incoming';
}

/** One relation of the entity, and how it reads from the entity's side. */
export interface RelationRow {
  relation: EntityRelation;
  direction: RelationDirection;
}

/** The relations between the entity and one neighbour. */
export interface NeighbourGroup {
  other: EntityRelationEdge['neighbor'];
  rows: RelationRow[];
}

/**
 * An entity's relations grouped by the entity at their other end (issue 14: "how are these
 * two connected" in one place), neighbours in the order they first appear: the API pages
 * relations best supported first, so the best-supported neighbour leads and a further page
 * only adds rows and groups, never reorders what is shown.
 */
export function groupByNeighbour(entityId: string, edges: readonly EntityRelationEdge[]): NeighbourGroup[] {
  const groups = new Map<string, NeighbourGroup>();
  for (const { node, neighbor } of edges) {
    const row = { relation: node, direction: relationDirection(entityId, node) };
    const group = groups.get(neighbor.id);
    if (group) group.rows.push(row);
    else groups.set(neighbor.id, { other: neighbor, rows: [row] });
  }
  return [...groups.values()];
}

/** The sentence a relation row reads as, from the entity's side: "Acme enemy of Globex". */
export function relationSentence(entityName: string, row: RelationRow, otherName: string): string {
  return row.direction === 'incoming'
    ? `${otherName} ${row.relation.label} ${entityName}`
    : `${entityName} ${row.relation.label} ${otherName}`;
}
