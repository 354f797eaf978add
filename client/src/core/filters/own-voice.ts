/**
 * In the article's own voice: only relations an article states itself, not in the mouth of
 * someone it quotes (RelationFilter.ownVoice). With "Unhedged" also on, one citation must be
 * both, as the API asks: the relation is then stated plainly.
 */
import type { ToggleFilterDefinition } from './definition';

export const ownVoiceFilter: ToggleFilterDefinition<'ownVoice'> = {
  id: 'ownVoice',
  kind: 'toggle',
  label: 'Only what an article states in its own voice',
  defaultValue: false,
  isActive: (value) => value,
  read: (params) => params.get('ownvoice') === '1',
  write: (value) => (value ? [['ownvoice', '1']] : []),
  clean: (value) => ({ value, problems: [] }),
  toApi: () => ({ ownVoice: true }),
  matchesRelation: (value, relation, filters) =>
    !value || (filters.unhedged === true ? relation.statedPlainly : relation.ownVoice),
};
