/** Relation types: only relations of the chosen types. */
import { setFilter, allows } from './set-filter';

export const relationTypesFilter = setFilter({
  id: 'relationTypes',
  param: 'rels',
  label: 'Relation types',
  itemNoun: 'relation type',
  foldedUnlessActive: true,
  known: (data) => data.relationTypes.map((type) => type.id),
  // Types no relation uses are left out: choosing one could only empty the graph.
  options: (data) =>
    data.relationTypes
      .filter((type) => type.count > 0)
      .map((type) => ({ value: type.id, label: type.label, description: type.description, count: type.count })),
  toApi: (value) => ({ types: value }),
  matchesRelation: (value, relation) => allows(value ?? [], relation.type),
});
