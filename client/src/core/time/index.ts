/**
 * The time bar's axis: every month from the first to the last period the API counts (empty
 * months included, so the bars are to scale), and how a date or span reads for people.
 */
import type { TimelineCountsQuery } from '../../api/generated/graphql';

export type TimelinePeriod = TimelineCountsQuery['timeline']['periods'][number];

export interface MonthBar {
  /** `YYYY-MM`. */
  month: string;
  relations: number;
  events: number;
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Every month from the first period to the last, with the counts of those that have any. */
export function monthAxis(periods: readonly TimelinePeriod[]): MonthBar[] {
  if (periods.length === 0) return [];
  const byMonth = new Map(periods.map((period) => [period.period, period]));
  const bars: MonthBar[] = [];
  const last = periods[periods.length - 1]!.period;
  for (let month = periods[0]!.period; month <= last; month = nextMonth(month)) {
    const period = byMonth.get(month);
    bars.push({ month, relations: period?.relations ?? 0, events: period?.events ?? 0 });
  }
  return bars;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021", "Aug 2021" or "26 Aug 2021", as precise as the ISO date. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year!;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** A statement's date as read: "Aug 2021", "2015 – Jul 2016", "from Nov 2014", "until 31 Aug 2021". */
export function formatStatement(statement: { at?: string | null; start?: string | null; end?: string | null }): string {
  if (statement.at) return formatDate(statement.at);
  if (statement.start && statement.end) return `${formatDate(statement.start)} – ${formatDate(statement.end)}`;
  if (statement.start) return `from ${formatDate(statement.start)}`;
  return statement.end ? `until ${formatDate(statement.end)}` : 'undated';
}
