/** What the user has selected: one entity, one relation, or nothing. */
export type Selection = { kind: 'entity'; id: string } | { kind: 'relation'; id: string } | null;

type SelectionProducer = (selection: Selection) => Selection;

export const selectEntity =
  (id: string): SelectionProducer =>
  () => ({ kind: 'entity', id });

export const selectRelation =
  (id: string): SelectionProducer =>
  () => ({ kind: 'relation', id });

export const clearSelection = (): SelectionProducer => () => null;
