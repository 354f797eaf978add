/**
 * Unhedged: only relations an article states without a hedge ("reportedly", "may")
 * (RelationFilter.unhedged). With "Own voice" also on, one citation must be both, as the API
 * asks: the relation is then stated plainly.
 */
import type { ToggleFilterDefinition } from './definition';

export const unhedgedFilter: ToggleFilterDefinition<'unhedged'> = {
  id: 'unhedged',
  kind: 'toggle',
  label: 'Only what an article states without a hedge',
  defaultValue: false,
  isActive: (value) => value,
  read: (params) => params.get('unhedged') === '1',
  write: (value) => (value ? [['unhedged', '1']] : []),
  clean: (value) => ({ value, problems: [] }),
  toApi: () => ({ unhedged: true }),
  matchesRelation: (value, relation, filters) =>
    !value || (filters.ownVoice === true ? relation.statedPlainly : relation.unhedged),
};
