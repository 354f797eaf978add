/**
 * Shaping one entity's details for its panel: claims by attribute (conflicting values side
 * by side) and relations by type and direction. Pure.
 */
import type { EntityClaimsQuery, EntityDetailsQuery } from '../../api/generated/graphql';

export type EntityDetails = NonNullable<EntityDetailsQuery['entity']>;
export type EntityClaim = NonNullable<EntityClaimsQuery['entity']>['claims']['edges'][number]['node'];
export type EntityRelation = EntityDetails['relations']['edges'][number]['node'];

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

export interface RelationRow {
  relation: EntityRelation;
  other: EntityRelation['subject'];
}

export interface RelationGroup {
  key: string;
  type: string;
  label: string;
  direction: RelationDirection;
  rows: RelationRow[];
}

const DIRECTION_ORDER: Record<RelationDirection, number> = { outgoing: 0, symmetric: 1, incoming: 2 };

export function groupRelations(entityId: string, relations: readonly EntityRelation[]): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const relation of relations) {
    const outgoing = relation.subject.id === entityId;
    const direction: RelationDirection = !relation.directed ? 'symmetric' : outgoing ? 'outgoing' : 'incoming';
    const other = outgoing ? relation.object : relation.subject;
    const key = `${relation.type}:${direction}`;
    const group = groups.get(key);
    const row = { relation, other };
    if (group) group.rows.push(row);
    else groups.set(key, { key, type: relation.type, label: relation.label, direction, rows: [row] });
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction],
  );
  for (const group of sorted) {
    group.rows.sort(
      (a, b) => b.relation.corroboration - a.relation.corroboration || a.other.name.localeCompare(b.other.name),
    );
  }
  return sorted;
}

/** The sentence a relation row reads as, from the entity's side: "Acme enemy of Globex". */
export function relationSentence(entityName: string, group: RelationGroup, otherName: string): string {
  return group.direction === 'incoming'
    ? `${otherName} ${group.label} ${entityName}`
    : `${entityName} ${group.label} ${otherName}`;
}

/** One neighbour of an entity and how many relations tie them. */
export interface NeighbourTies {
  other: EntityRelation['subject'];
  count: number;
}

/**
 * An entity's relations grouped by the entity at their other end, the most tied first (then
 * by name): the "who is it tied to, and how much" view, each opening everything between.
 */
export function groupByNeighbour(entityId: string, relations: readonly EntityRelation[]): NeighbourTies[] {
  const byId = new Map<string, NeighbourTies>();
  for (const relation of relations) {
    const other = relation.subject.id === entityId ? relation.object : relation.subject;
    const ties = byId.get(other.id);
    if (ties) ties.count += 1;
    else byId.set(other.id, { other, count: 1 });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.other.name.localeCompare(b.other.name));
}
