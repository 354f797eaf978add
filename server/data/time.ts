/**
 * Dates in graph-data
 * ===================
 *
 * When an event happened, when a relation held, when a source was published: each is a
 * `time` statement written beside what it dates, with the quotes that give it. A date is
 * ISO 8601 cut to the precision the article gives (`2015`, `2015-01`, `2021-08-26`); the
 * precision is read from its length, so "January 2015" never turns into the first of January.
 *
 * This module checks the statements (calendar dates, ranges in order, a citation per date,
 * relative wordings only where the source has a date to resolve them against) and turns
 * each into a TimeRecord with the first and last day it covers, which is what range
 * queries compare. The loader calls `readTimeStatements`; nothing here reads files.
 */
import type { DataProblem } from './errors';
import type { CitationRecord, DatePrecision, SourceRecord, TimeRecord } from './model';
import type { PublishedEvidenceInput, TimeStatementInput } from './schemas';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface ParsedDate {
  /** The date as written: `2015`, `2015-01` or `2015-01-26`. */
  date: string;
  precision: DatePrecision;
  /** The first day the date covers, `YYYY-MM-DD`. */
  first: string;
  /** The last day the date covers, `YYYY-MM-DD`. */
  last: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Reads an ISO date of year, month or day precision; a string naming what is wrong otherwise. */
export function parseIsoDate(text: string): ParsedDate | string {
  const match = ISO_DATE.exec(text);
  if (!match) return `"${text}" is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD, quoted in YAML`;
  const year = Number(match[1]);
  if (match[2] === undefined) return { date: text, precision: 'year', first: `${text}-01-01`, last: `${text}-12-31` };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `"${text}" has no month ${match[2]}: months run 01 to 12`;
  const monthDays = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { date: text, precision: 'month', first: `${text}-01`, last: `${text}-${pad(monthDays)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > monthDays)
    return `"${text}" has no day ${match[3]}: ${match[1]}-${match[2]} has ${monthDays} days`;
  return { date: text, precision: 'day', first: text, last: text };
}

/** Where a statement is, for its problems: `at(field)` gives the location of one of its fields. */
export type FieldLocator = (field: string) => Omit<DataProblem, 'message'>;

export interface TimeContext {
  /** Resolves the citations of the statement at `field` (`time.0`), reporting quotes that do not resolve. */
  citationsOf: (field: string, inputs: TimeStatementInput['citations']) => CitationRecord[];
  /** A source's publication date, or null when it has none (or is unknown: that is reported elsewhere). */
  publishedOf: (sourceId: string) => string | null;
  at: FieldLocator;
  problems: DataProblem[];
}

/**
 * Checks a record's `time` list and returns its statements; a statement with a problem is
 * reported and left out (the load fails anyway, but the other statements are still checked).
 */
export function readTimeStatements(
  inputs: readonly TimeStatementInput[] | undefined,
  context: TimeContext,
): TimeRecord[] {
  const records: TimeRecord[] = [];
  (inputs ?? []).forEach((input, position) => {
    const field = `time.${position}`;
    const report = (part: string | null, message: string) =>
      context.problems.push({ ...context.at(part ? `${field}.${part}` : field), message });
    const before = context.problems.length;

    const isPoint = input.at !== undefined;
    if (isPoint && (input.start !== undefined || input.end !== undefined)) {
      report('at', 'give either `at` (when it happened) or `start`/`end` (when it held), not both');
    }
    if (!isPoint && input.start === undefined && input.end === undefined) {
      report(null, 'a time statement needs `at` (when it happened), or `start` and/or `end` (when it held)');
    }
    const parse = (part: 'at' | 'start' | 'end') => {
      const text = input[part];
      if (text === undefined) return null;
      const parsed = parseIsoDate(text);
      if (typeof parsed === 'string') {
        report(part, parsed);
        return null;
      }
      return parsed;
    };
    const at = parse('at');
    const start = parse('start');
    const end = parse('end');
    if (start && end && start.first > end.last) {
      report('end', `the range ends (${end.date}) before it starts (${start.date}): put start first`);
    }
    if (input.inferred && !input.note) {
      report('note', 'an inferred date needs a `note` saying how it was inferred');
    }
    const citations = context.citationsOf(field, input.citations);
    if (input.relative !== undefined) {
      for (const citation of citations) {
        if (context.publishedOf(citation.sourceId) === null) {
          report(
            'relative',
            `"${input.relative}" is relative, but source "${citation.sourceId}" has no \`published\` date to resolve it against: ` +
              'give the source its date (with its evidence), or cite a source that dates it',
          );
        }
      }
    }
    if (context.problems.length > before) return;

    const from = at ?? start;
    const to = at ?? end;
    records.push({
      at: at?.date ?? null,
      start: start?.date ?? null,
      end: end?.date ?? null,
      precision: coarsest([at, start, end]),
      first: from?.first ?? null,
      last: to?.last ?? null,
      citations,
      inferred: input.inferred ?? false,
      relative: input.relative ?? null,
      note: input.note ?? null,
    });
  });
  return records;
}

const PRECISION_ORDER: readonly DatePrecision[] = ['year', 'month', 'day'];

/** The least precise of the statement's dates: a span from 2015 to July 2016 is known to the year. */
function coarsest(dates: (ParsedDate | null)[]): DatePrecision {
  let best: DatePrecision = 'day';
  for (const date of dates) {
    if (date && PRECISION_ORDER.indexOf(date.precision) < PRECISION_ORDER.indexOf(best)) best = date.precision;
  }
  return best;
}

export interface PublishedContext {
  /** Resolves the evidence's citations; `field` is `publishedEvidence`. */
  citationsOf: (field: string, inputs: TimeStatementInput['citations']) => CitationRecord[];
  at: FieldLocator;
  problems: DataProblem[];
}

/**
 * A source's `published` date and its evidence: a date needs the quotes that give it (an
 * article that says "today" of a dated event is dated by that event, inferred), and
 * evidence without a date is a mistake.
 */
export function readPublishedEvidence(
  source: { published: string | null; publishedEvidence?: PublishedEvidenceInput },
  context: PublishedContext,
): SourceRecord['publishedEvidence'] {
  const evidence = source.publishedEvidence;
  if (source.published === null) {
    if (evidence) {
      context.problems.push({
        ...context.at('publishedEvidence'),
        message: 'evidence of a publication date, but `published` is null: give the date, or remove the evidence',
      });
    }
    return null;
  }
  const parsed = parseIsoDate(source.published);
  if (typeof parsed === 'string') {
    context.problems.push({ ...context.at('published'), message: parsed });
    return null;
  }
  if (!evidence) {
    context.problems.push({
      ...context.at('published'),
      message:
        'a publication date needs `publishedEvidence` with the quotes that give it (and `inferred: true` with a `note` when it is worked out)',
    });
    return null;
  }
  if (evidence.inferred && !evidence.note) {
    context.problems.push({
      ...context.at('publishedEvidence.note'),
      message: 'an inferred date needs a `note` saying how it was inferred',
    });
  }
  const citations = context.citationsOf('publishedEvidence', evidence.citations);
  return { citations, inferred: evidence.inferred ?? false, note: evidence.note ?? null };
}
