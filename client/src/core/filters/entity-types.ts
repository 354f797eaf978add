/** Entity types: only entities of the chosen types, and so only relations between them. */
import { setFilter, allows } from './set-filter';

export const entityTypesFilter = setFilter({
  id: 'entityTypes',
  param: 'types',
  label: 'Entity types',
  itemNoun: 'entity type',
  swatches: true,
  known: (data) => data.entityTypes.map((type) => type.id),
  options: (data) =>
    data.entityTypes.map((type) => ({
      value: type.id,
      label: type.label,
      description: type.description,
      count: type.count,
    })),
  // Sent so that a neighbourhood or path walk never passes through an entity type the user hid.
  toApi: (value) => ({ entityTypes: value }),
  toEntityApi: (value) => ({ types: value }),
  matchesEntity: (value, entity) => allows(value ?? [], entity.type),
});
