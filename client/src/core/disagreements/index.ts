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
