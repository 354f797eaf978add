/**
 * Time range: only what held or happened between two dates (months or years, either end
 * open). The API's rule is server/graph/time.ts: a span is in the range when its days overlap
 * it; an undated relation is neither in nor out, and passes only when the range includes the
 * undated ones. Entities: a dated entity outside the range is hidden unless a kept relation
 * needs it; an undated one stays when a kept relation needs it, or when undated ones are shown.
 */
import { unreadableParam, type TimeFilterDefinition, type TimeRangeValue } from './definition';
import type { DaySpan } from '../graph-data';

export const NO_TIME_RANGE: TimeRangeValue = { from: null, to: null, includeUndated: false };

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first or last day an ISO date of any precision covers; null when it is not one. */
export function dayOf(date: string, end: 'first' | 'last'): string | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const monthNumber = month === undefined ? null : Number(month);
  if (monthNumber !== null && (monthNumber < 1 || monthNumber > 12)) return null;
  if (day !== undefined) return date;
  if (end === 'first') return month === undefined ? `${year}-01-01` : `${year}-${month}-01`;
  if (month === undefined) return `${year}-12-31`;
  const days = new Date(Date.UTC(Number(year), monthNumber!, 0)).getUTCDate();
  return `${year}-${month}-${String(days).padStart(2, '0')}`;
}

/** Whether a span overlaps the range; open ends reach forever. */
export function spanInRange(span: DaySpan, value: TimeRangeValue): boolean {
  const from = value.from === null ? null : dayOf(value.from, 'first');
  const to = value.to === null ? null : dayOf(value.to, 'last');
  return (
    (to === null || span.first === null || span.first <= to) &&
    (from === null || span.last === null || span.last >= from)
  );
}

const isActive = (value: TimeRangeValue) => value.from !== null || value.to !== null;

export const duringFilter: TimeFilterDefinition<'during'> = {
  id: 'during',
  kind: 'time',
  label: 'Time range',
  defaultValue: NO_TIME_RANGE,
  isActive,
  read: (params) => {
    const date = (name: string) => {
      const text = params.get(name);
      return text !== null && dayOf(text, 'first') !== null ? text : null;
    };
    const from = date('since');
    const to = date('until');
    if (from === null && to === null) return NO_TIME_RANGE;
    return { from, to, includeUndated: params.get('undated') === '1' };
  },
  misread: (params) =>
    (['since', 'until'] as const).flatMap((param) => {
      const text = params.get(param);
      return text === null || text === '' || dayOf(text, 'first') !== null
        ? []
        : [unreadableParam(param, text, 'a date such as 2021, 2021-08 or 2021-08-26')];
    }),
  write: (value) =>
    isActive(value)
      ? [
          ...(value.from === null ? [] : ([['since', value.from]] as [string, string][])),
          ...(value.to === null ? [] : ([['until', value.to]] as [string, string][])),
          ...(value.includeUndated ? ([['undated', '1']] as [string, string][]) : []),
        ]
      : [],
  clean(value) {
    const from = value.from === null ? null : dayOf(value.from, 'first');
    const to = value.to === null ? null : dayOf(value.to, 'last');
    if (from !== null && to !== null && from > to) {
      return {
        value: { ...value, from: value.to, to: value.from },
        problems: ['The time range ended before it started; swapped.'],
      };
    }
    return { value, problems: [] };
  },
  toApi: (value) => ({ during: { from: value.from, to: value.to, includeUndated: value.includeUndated } }),
  matchesRelation: (value, relation) => (relation.span ? spanInRange(relation.span, value) : value.includeUndated),
  refine(value, visible, data) {
    const needed = new Set<string>();
    for (const id of visible.relations) {
      const relation = data.relationById.get(id)!;
      needed.add(relation.subjectId);
      needed.add(relation.objectId);
    }
    const entities = new Set<string>();
    for (const id of visible.entities) {
      const span = data.entityById.get(id)?.span ?? null;
      if (needed.has(id) || (span ? spanInRange(span, value) : value.includeUndated)) entities.add(id);
    }
    return { entities, relations: visible.relations };
  },
};
