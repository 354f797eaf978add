/** Minimum supporting sources: only relations at least this many distinct sources support. */
import { unreadableParam, type RangeFilterDefinition } from './definition';

const MIN = 1;

export const minSourcesFilter: RangeFilterDefinition<'minSources'> = {
  id: 'minSources',
  kind: 'range',
  label: 'Minimum supporting sources',
  min: MIN,
  defaultValue: MIN,
  max: (data) => Math.max(MIN, data.stats.sourceCount),
  valueText: (value, max) => `at least ${value} of ${max} sources`,
  isActive: (value) => value > MIN,
  read: (params) => {
    const value = Number(params.get('min'));
    return Number.isInteger(value) && value > MIN ? value : MIN;
  },
  misread(params) {
    const text = params.get('min');
    if (text === null || text === '') return [];
    const value = Number(text);
    return Number.isInteger(value) && value >= MIN
      ? []
      : [unreadableParam('min', text, `a whole number of sources (${MIN} or more)`)];
  },
  write: (value) => (value > MIN ? [['min', String(value)]] : []),
  clean(value, data) {
    const max = Math.max(MIN, data.stats.sourceCount);
    if (value <= max) return { value, problems: [] };
    return { value: max, problems: [`No relation can have ${value} sources: there are ${max}; using ${max}.`] };
  },
  toApi: (value) => ({ minSources: value }),
  matchesRelation: (value, relation) => relation.corroboration >= value,
};
