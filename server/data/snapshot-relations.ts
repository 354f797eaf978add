/**
 * Relations as a snapshot stores them, and as a restart reads them back
 * =====================================================================
 *
 * A snapshot keeps relations in frames of columns (RelationColumns): one array per field, read
 * back in bulk by v8.deserialize. A restart makes from them one RestoredRelation per relation
 * with its plain fields (id, type, ends, note, sources), and its citations and dates when first
 * read: at 10^6 relations those are about 3·10^6 citations and 7·10^5 dates, whose making (and
 * the collections that copy them) was a quarter of a restart, while indexing the graph reads
 * none of them and the overview those of the relations it ranks (tests/api/served-graph.test.ts
 * holds it). The indexes built after the server answers read them all, in slices
 * (graph/deferred-index.ts); a query reads those of the relations it shows.
 *
 * A RestoredRelation answers everything a loaded record does, as a loaded record: the same
 * citation objects each time, a date's citation that is one of its relation's own citations
 * that same object, and JSON of the loader's fields in the loader's order (toJSON). What it
 * does not have is own `citations` and `time` properties (they are getters), so a spread copy
 * of one has neither: nothing in the server copies a relation record (they are read-only,
 * model.ts), and a curation step serves records loaded in full.
 */
import type { CitationRecord, CitationTarget, RelationRecord, SourceRecord, TimeRecord } from './model';

/**
 * A citation as stored: its quote and target left blank, and restored on reading. Blank, not
 * left out, so that every field keeps its place: a restored citation has the loaded one's
 * fields in the same order (one object shape for both, and equal as JSON).
 */
export type StoredCitation = Omit<CitationRecord, 'quote' | 'target'> & { quote: ''; target: undefined };

/**
 * A frame of relations as columns, one array per field; relation i's citations are the
 * citation columns from firstCitation[i] to firstCitation[i + 1], its sources likewise. Not
 * records: v8.deserialize makes each stored object field by field, and the young-generation
 * collections then copy every one of them; columns read back in bulk, and the records are
 * made by code, which V8 allocates several times faster (at 10^6 relations about 2.4x less CPU
 * in a benchmark of the two forms).
 */
export interface RelationColumns {
  ids: string[];
  /** References by position, as in the other frames (see snapshot.ts, fromPosition). */
  types: string[];
  subjects: string[];
  objects: string[];
  directed: boolean[];
  notes: (string | null)[];
  firstCitation: Uint32Array;
  citationSources: string[];
  citationStarts: Int32Array;
  citationEnds: Int32Array;
  /** A citation's fields past its target (`attributedTo`, `hedge`), or undefined when it has none. */
  citationVoices: (Partial<CitationRecord> | undefined)[];
  firstSource: Uint32Array;
  sourceIds: string[];
  times: TimeColumns;
}

/** The text fields of a date (TimeRecord), in the order TimeColumns keeps them. */
export const TIME_TEXT_FIELDS = ['at', 'start', 'end', 'precision', 'first', 'last', 'relative', 'note'] as const;

/**
 * The dates of a frame's relations as columns (see RelationColumns): relation i's dates are rows
 * firstTime[i] to firstTime[i + 1], and its `time` is undefined where hasTime[i] is 0. A row's
 * text fields are positions in `texts`, the frame's distinct values (-1 for null): 700,000 dated
 * relations name a few thousand days, and each value is read back as one string, not one per date.
 */
export interface TimeColumns {
  hasTime: Uint8Array;
  firstTime: Uint32Array;
  /** Row r's TIME_TEXT_FIELDS from textsOf[r * TIME_TEXT_FIELDS.length] on. */
  textsOf: Int32Array;
  texts: string[];
  inferred: Uint8Array;
  /** Row r's citations are citations[firstCitation[r]] to citations[firstCitation[r + 1]]. */
  firstCitation: Uint32Array;
  /** The relation's own citation by its index, else the citation stored in place. */
  citations: (number | StoredCitation)[];
}

/** How stored references become the strings and records they stand for (snapshot.ts reads the lists). */
export interface RelationLookups {
  sourceId: (stored: string) => string;
  source: (stored: string) => SourceRecord;
  relationType: (stored: string) => string;
  entityId: (stored: string) => string;
  /** Restores citations stored in place (sourceId, quote, target). */
  restoreOwnCitations: (citations: CitationRecord[], target: CitationTarget) => void;
}

/** One frame's columns and the lookups that read them: what a RestoredRelation makes its body from. */
interface Frame {
  columns: RelationColumns;
  lookups: RelationLookups;
}

/** A relation read back from a snapshot: see the module comment. */
export class RestoredRelation implements RelationRecord {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly object: string;
  readonly directed: boolean;
  readonly note: string | null;
  readonly sourceIds: string[];
  /** Until the citations and dates are made: the frame they are made from, and the row in it. */
  #frame: Frame | null;
  #row: number;
  #citations: CitationRecord[] | null = null;
  #time: TimeRecord[] | undefined = undefined;

  constructor(frame: Frame, row: number) {
    const { columns, lookups } = frame;
    this.id = columns.ids[row]!;
    this.type = lookups.relationType(columns.types[row]!);
    this.subject = lookups.entityId(columns.subjects[row]!);
    this.object = lookups.entityId(columns.objects[row]!);
    this.directed = columns.directed[row]!;
    this.note = columns.notes[row]!;
    const sourceIds = columns.sourceIds.slice(columns.firstSource[row], columns.firstSource[row + 1]);
    for (let k = 0; k < sourceIds.length; k++) sourceIds[k] = lookups.sourceId(sourceIds[k]!);
    this.sourceIds = sourceIds;
    this.#frame = frame;
    this.#row = row;
  }

  get citations(): CitationRecord[] {
    if (this.#frame) this.#makeBody(this.#frame);
    return this.#citations!;
  }

  get time(): TimeRecord[] | undefined {
    if (this.#frame) this.#makeBody(this.#frame);
    return this.#time;
  }

  /** Whether the relation's citations and dates are made (they are once either was read): for tests. */
  static bodyMade(relation: RestoredRelation): boolean {
    return relation.#frame === null;
  }

  /** The loader's record as JSON: its fields in its order. */
  toJSON(): RelationRecord {
    const { id, type, subject, object, directed, note, citations, time, sourceIds } = this;
    return { id, type, subject, object, directed, note, citations, time, sourceIds };
  }

  /** Makes the citations and dates, in the loader's shapes, and lets go of the frame. */
  #makeBody({ columns, lookups }: Frame) {
    const row = this.#row;
    const target: CitationTarget = { kind: 'relation', id: this.id };
    const { firstCitation, citationSources, citationStarts, citationEnds, citationVoices } = columns;
    const first = firstCitation[row]!;
    // Lists made at their size: grown by push, each small list kept room for 17 items.
    const citations = new Array<CitationRecord>(firstCitation[row + 1]! - first);
    for (let c = first; c < firstCitation[row + 1]!; c++) {
      const { id: sourceId, text } = lookups.source(citationSources[c]!);
      const start = citationStarts[c]!;
      const end = citationEnds[c]!;
      const quote = text.slice(start, end);
      const voice = citationVoices[c];
      // The loader's shape: its fields in its order, the voice's last.
      citations[c - first] = voice
        ? { sourceId, quote, start, end, target, ...voice }
        : { sourceId, quote, start, end, target };
    }
    this.#citations = citations;
    this.#time = columns.times.hasTime[row] ? datesOf(columns.times, row, citations, target, lookups) : undefined;
    this.#frame = null;
  }
}

/** Relation `row`'s dates, the loader's fields in its order; citations its own where shared, else restored in place. */
function datesOf(
  times: TimeColumns,
  row: number,
  own: CitationRecord[],
  target: CitationTarget,
  lookups: RelationLookups,
): TimeRecord[] {
  const { firstTime, textsOf, texts, inferred, firstCitation, citations } = times;
  const text = (date: number, field: number) => {
    const position = textsOf[date * TIME_TEXT_FIELDS.length + field]!;
    return position < 0 ? null : texts[position]!;
  };
  const dates = new Array<TimeRecord>(firstTime[row + 1]! - firstTime[row]!);
  for (let date = firstTime[row]!; date < firstTime[row + 1]!; date++) {
    const cited = new Array<CitationRecord>(firstCitation[date + 1]! - firstCitation[date]!);
    for (let c = firstCitation[date]!; c < firstCitation[date + 1]!; c++) {
      const stored = citations[c]!;
      if (typeof stored === 'number') cited[c - firstCitation[date]!] = own[stored]!;
      else {
        const citation = stored as unknown as CitationRecord;
        lookups.restoreOwnCitations([citation], target);
        cited[c - firstCitation[date]!] = citation;
      }
    }
    dates[date - firstTime[row]!] = {
      at: text(date, 0),
      start: text(date, 1),
      end: text(date, 2),
      precision: text(date, 3) as TimeRecord['precision'],
      first: text(date, 4),
      last: text(date, 5),
      citations: cited,
      inferred: inferred[date] === 1,
      relative: text(date, 6),
      note: text(date, 7),
    };
  }
  return dates;
}

/** The frame's relations, appended to `into`; their citations and dates are made when first read. */
export function readRelationFrame(columns: RelationColumns, lookups: RelationLookups, into: RelationRecord[]): void {
  const frame: Frame = { columns, lookups };
  for (let row = 0; row < columns.ids.length; row++) into.push(new RestoredRelation(frame, row));
}
