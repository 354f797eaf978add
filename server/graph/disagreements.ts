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
 * Claims are indexed by entity, so one entity's disagreements read only its claims. The whole
 * list is worked out once per index, on first use (one pass over the claims), and then paged
 * like every growable list (list-pages.ts), keyed by entity and attribute.
 */
import type { ClaimRecord } from '../data/model';
import type { DisagreementRecord } from './results';
import { type GraphIndex, compareStrings } from './indexes';
import { type ListOrder, listPage } from './list-pages';
import type { Connection, PageArgs } from './pagination';
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
export function allDisagreements(index: GraphIndex): readonly DisagreementRecord[] {
  return disagreementIndex(index).all;
}

interface DisagreementIndex {
  all: readonly DisagreementRecord[];
  byEntity: ReadonlyMap<string, readonly DisagreementRecord[]>;
}

const disagreementIndexes = new WeakMap<GraphIndex, DisagreementIndex>();

function disagreementIndex(index: GraphIndex): DisagreementIndex {
  let built = disagreementIndexes.get(index);
  if (!built) {
    const byEntity = new Map<string, readonly DisagreementRecord[]>();
    for (const entityId of [...index.claimsByEntity.keys()].sort()) {
      const disagreements = disagreementsOf(index, entityId);
      if (disagreements.length > 0) byEntity.set(entityId, disagreements);
    }
    built = { all: [...byEntity.values()].flat(), byEntity };
    disagreementIndexes.set(index, built);
  }
  return built;
}

/**
 * Entity id and attribute, separated by U+0000 (below every other character), so the keys sort
 * as the list does: by entity id, then attribute.
 */
const DISAGREEMENT_ORDER: ListOrder<DisagreementRecord> = {
  keyOf: (disagreement) => `${disagreement.entity.id}\u0000${disagreement.attribute}`,
  sortedByKey: true,
};

/** A page of the disagreements of the graph, or of one entity (`entityId`), by entity then attribute. */
export function disagreementsPage(
  index: GraphIndex,
  entityId: string | null,
  page: PageArgs,
): Connection<DisagreementRecord> {
  const built = disagreementIndex(index);
  const list = entityId === null ? built.all : (built.byEntity.get(entityId) ?? []);
  return listPage(list, page, DISAGREEMENT_ORDER, (disagreement) => disagreement);
}

function comparedValue(claim: ClaimRecord): string {
  return foldText(claim.normalized ?? claim.value)
    .replace(/\s+/g, ' ')
    .trim();
}
