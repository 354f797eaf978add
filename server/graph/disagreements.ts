/**
 * Where the sources disagree
 * ==========================
 *
 * An attribute of an entity is disputed when
 * - the vocabulary marks the attribute comparable (numbers, dates, amounts: different
 *   wordings of a goal or a characterisation are not a conflict),
 * - its claims give two or more distinct values, compared by the curator's `normalized`
 *   form where there is one ("August 2020" and "last August" agree) and folded otherwise, and
 * - those claims come from at least two sources: sources disagree, not one article's phrasings.
 * Claims are few next to relations and indexed by entity, so this reads only the claims it
 * reports on.
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
  const attributes = index.knowledgeGraph.vocabulary.claimAttributes;
  for (const [attribute, group] of byAttribute) {
    if (!attributes.get(attribute)?.comparable) continue;
    const values = new Set(group.map(comparedValue));
    const sources = new Set(group.flatMap((claim) => claim.sourceIds));
    if (values.size >= 2 && sources.size >= 2) disagreements.push({ entity, attribute, claims: group });
  }
  return disagreements.sort((a, b) => compareStrings(a.attribute, b.attribute));
}

/** Every disputed attribute in the graph, by entity id, then attribute. */
export function allDisagreements(index: GraphIndex): DisagreementRecord[] {
  return [...index.claimsByEntity.keys()].sort().flatMap((entityId) => disagreementsOf(index, entityId));
}

function comparedValue(claim: ClaimRecord): string {
  return foldText(claim.normalized ?? claim.value)
    .replace(/\s+/g, ' ')
    .trim();
}
