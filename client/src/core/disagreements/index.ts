/** Shaping Query.disagreements for its view: by entity, in the API's order. Pure. */

export interface EntityGroup<D extends { entity: { id: string } }> {
  entity: D['entity'];
  disagreements: D[];
}

/** Disagreements grouped by entity, keeping the API's order (entity id, then attribute). */
export function groupByEntity<D extends { entity: { id: string } }>(disagreements: readonly D[]): EntityGroup<D>[] {
  const groups = new Map<string, EntityGroup<D>>();
  for (const disagreement of disagreements) {
    const group = groups.get(disagreement.entity.id);
    if (group) group.disagreements.push(disagreement);
    else groups.set(disagreement.entity.id, { entity: disagreement.entity, disagreements: [disagreement] });
  }
  return [...groups.values()];
}

/** How many distinct sources give a value for one disputed attribute. */
export function sourceCount(claims: readonly { sources: readonly { id: string }[] }[]): number {
  return new Set(claims.flatMap((claim) => claim.sources.map((source) => source.id))).size;
}

/** What the disagreements view shows, read from its URL and the loaded graph. */
export type DisagreementsScope =
  /** `entityCount` is null while only some pages are loaded: the entities of the rest are unknown. */
  | { kind: 'all'; attributeCount: number; entityCount: number | null }
  | { kind: 'entity'; name: string; attributeCount: number }
  /** The URL names an id the graph does not hold (a stale or mistyped link). */
  | { kind: 'unknown-entity'; id: string };

export function disagreementsScope(
  entityId: string | null,
  entityName: (id: string) => string | undefined,
  shown: readonly { disagreements: readonly unknown[] }[],
  /** The API's total, when it holds more than the pages shown. */
  totalAttributes?: number,
): DisagreementsScope {
  const shownCount = shown.reduce((count, group) => count + group.disagreements.length, 0);
  const attributeCount = Math.max(shownCount, totalAttributes ?? 0);
  const complete = attributeCount === shownCount;
  if (entityId === null) return { kind: 'all', attributeCount, entityCount: complete ? shown.length : null };
  const name = entityName(entityId);
  return name === undefined ? { kind: 'unknown-entity', id: entityId } : { kind: 'entity', name, attributeCount };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The line under the picker: how much is shown, or why nothing is. */
export function describeDisagreementsScope(scope: DisagreementsScope): string {
  switch (scope.kind) {
    case 'all':
      return scope.entityCount === null
        ? plural(scope.attributeCount, 'attribute', 'attributes')
        : `${plural(scope.attributeCount, 'attribute', 'attributes')} on ${plural(scope.entityCount, 'entity', 'entities')}`;
    case 'entity':
      return scope.attributeCount === 0
        ? `The sources do not disagree about ${scope.name}.`
        : `${plural(scope.attributeCount, 'attribute', 'attributes')} on ${scope.name}`;
    case 'unknown-entity':
      return `No entity has the id “${scope.id}”, so there is nothing to show for it: the link may be out of date.`;
  }
}
