/**
 * Where the sources disagree
 * ==========================
 *
 * An attribute of an entity is disputed when its claims give two or more distinct values
 * (compared folded, so "2,000 fighters" and "2,000 Fighters" agree). Claims are few next to
 * relations and indexed by entity, so this reads only the claims it reports on.
 */
import type { ClaimRecord } from '../data/model';
import type { DisagreementRecord } from './results';
import { type GraphIndex, compareStrings } from './indexes';
import { foldText } from './text-folding';

/** The disputed attributes of one entity, by attribute (empty for an unknown id). */
export function disagreementsOf(index: GraphIndex, entityId: string): DisagreementRecord[] {
  const claims = index.claimsByEntity.get(entityId);
  if (!claims || claims.length < 2 || !index.graph.hasNode(entityId)) return [];
  const entity = index.graph.getNodeAttributes(entityId);

  const byAttribute = new Map<string, ClaimRecord[]>();
  for (const claim of claims) {
    const group = byAttribute.get(claim.attribute);
    if (group) group.push(claim);
    else byAttribute.set(claim.attribute, [claim]);
  }

  const disagreements: DisagreementRecord[] = [];
  for (const [attribute, group] of byAttribute) {
    const values = new Set(group.map((claim) => normalizedValue(claim.value)));
    if (values.size >= 2) disagreements.push({ entity, attribute, claims: group });
  }
  return disagreements.sort((a, b) => compareStrings(a.attribute, b.attribute));
}

/** Every disputed attribute in the graph, by entity id, then attribute. */
export function allDisagreements(index: GraphIndex): DisagreementRecord[] {
  return [...index.claimsByEntity.keys()].sort().flatMap((entityId) => disagreementsOf(index, entityId));
}

function normalizedValue(value: string): string {
  return foldText(value).replace(/\s+/g, ' ').trim();
}
