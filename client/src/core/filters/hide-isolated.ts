/**
 * Hide isolated entities: entities left without any visible relation are hidden too. The
 * client's own rule (it needs the other filters' result); the API has no counterpart.
 */
import type { ToggleFilterDefinition } from './definition';

export const hideIsolatedFilter: ToggleFilterDefinition<'hideIsolated'> = {
  id: 'hideIsolated',
  kind: 'toggle',
  label: 'Hide entities without visible relations',
  defaultValue: false,
  isActive: (value) => value,
  read: (params) => params.get('connected') === '1',
  write: (value) => (value ? [['connected', '1']] : []),
  clean: (value) => ({ value, problems: [] }),
  toApi: () => ({}),
  refine(value, visible, data) {
    if (!value) return visible;
    const connected = new Set<string>();
    for (const id of visible.relations) {
      const relation = data.relationById.get(id);
      if (!relation) continue;
      connected.add(relation.subjectId);
      connected.add(relation.objectId);
    }
    return {
      entities: new Set([...visible.entities].filter((id) => connected.has(id))),
      relations: visible.relations,
    };
  },
};
