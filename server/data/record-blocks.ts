/**
 * Fast reading of a list-of-records YAML file
 * ===========================================
 *
 * A graph-data list file (sources, entities, relations, claims) is a top-level YAML list whose
 * items start at column 0 with "- ". A cheap line scan cuts the text into one block per record
 * and notes the line each starts on; blocks are then parsed a chunk at a time with js-yaml,
 * about 13× faster than the `yaml` package (20 MB of relations: 0.7 s against 10 s) and with
 * no syntax tree kept. Positions cost nothing until a problem needs one: `lineOf` then
 * re-parses that one block with `yaml` and its line counter, and adds the block's first line.
 *
 * Anything the fast path cannot read exactly (a file that is not a plain top-level list, a
 * chunk js-yaml refuses or reads as a different number of items) is read by `yaml` instead,
 * whose errors carry their line: the fast path changes the speed, never the verdict's detail.
 */
import jsYaml from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DataProblem } from './errors';
import type { YamlRecord } from './yaml-records';

/** Records per js-yaml call: large enough to amortise the call, small enough to bound a re-read. */
const CHUNK_RECORDS = 1000;

/** Where each record's block starts in the text: character offset and 1-based line. */
interface Blocks {
  starts: number[];
  lines: number[];
}

/**
 * The record blocks of a text, or null when the text before the first item is more than
 * comments, blank lines and a `---` marker (a map, a flow list …: not for the fast path).
 */
export function splitRecordBlocks(text: string): Blocks | null {
  const starts: number[] = [];
  const lines: number[] = [];
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    if (text.charCodeAt(at) === 45 /* - */ && (end === at + 1 || /[ \r\t]/.test(text[at + 1]!))) {
      if (!(end === at + 3 && text.startsWith('---', at))) {
        starts.push(at);
        lines.push(line);
      }
    } else if (starts.length === 0) {
      const content = text.slice(at, end).trim();
      if (content !== '' && !content.startsWith('#') && content !== '---') return null;
    }
    if (next === -1) break;
    at = next + 1;
  }
  return { starts, lines };
}

/** A record read by the fast path; its line lookups re-parse its own block only. */
class BlockRecord implements YamlRecord {
  constructor(
    readonly index: number,
    public value: unknown,
    private readonly block: () => { text: string; line: number },
  ) {}

  lineOf(path?: (string | number)[]): number | undefined {
    const { text, line } = this.block();
    if (!path || path.length === 0) return line;
    const lineCounter = new LineCounter();
    const item = parseDocument(text, { lineCounter }).contents;
    const first = isSeq(item) ? (item.items[0] as Node | undefined) : undefined;
    const node = isMap(first) ? (first.getIn(path, true) as Node | undefined) : undefined;
    const range = node?.range ?? first?.range;
    return range ? line + lineCounter.linePos(range[0]).line - 1 : line;
  }
}

export type BlockReading =
  | { kind: 'records'; records: Iterable<YamlRecord> }
  /** Syntax errors, each reported with its line. */
  | { kind: 'malformed' }
  | { kind: 'not-a-plain-list' };

/**
 * Thrown by streamed records (readRecordBlocks in 'streamed' mode) on reaching a chunk whose
 * verdict only the whole reading gives: a syntax error, or blocks that are not the records.
 * The caller then reads the file whole ('whole' mode), which reports it as it always has.
 */
export class StreamedRecordsBroken extends Error {
  constructor(readonly file: string) {
    super(`${file} must be read whole to say what is wrong with it`);
  }
}

/**
 * The records of a list file read by the fast path, or 'not-a-plain-list' when the file must be read by
 * `yaml` as a whole (see the module comment). Chunks js-yaml refuses are re-read by `yaml`,
 * and their syntax errors become problems with their line.
 *
 * 'whole' parses every chunk now. 'streamed' parses a chunk when the iteration reaches it, so
 * that a record's parsed value dies young once checked: held all at once, the parsed values of
 * 10^6 relations were copied by the young-generation collector and marked by the full one
 * (parsed as they are read, a cold start there took 75 s instead of 82, 84 s of CPU instead of
 * 95, and 2.65 GB at its peak instead of 3.29). Streamed records are read once, and throw StreamedRecordsBroken
 * where the whole reading would have reported a problem (see there).
 */
export function readRecordBlocks(
  text: string,
  file: string,
  problems: DataProblem[],
  mode: 'whole' | 'streamed' = 'whole',
): BlockReading {
  const blocks = splitRecordBlocks(text);
  if (!blocks) return { kind: 'not-a-plain-list' };
  const { starts, lines } = blocks;
  const blockOf = (position: number) => () => ({
    text: text.slice(starts[position]!, starts[position + 1] ?? text.length),
    line: lines[position]!,
  });
  const recordsOf = (first: number, items: unknown[]) =>
    items.map((item, k) => new BlockRecord(first + k + 1, item, blockOf(first + k)));

  if (mode === 'streamed') {
    const streamed = function* () {
      for (const chunk of parsedChunks(text, blocks, file)) {
        // Its problems are the whole reading's to report.
        if (chunk.kind !== 'items') throw new StreamedRecordsBroken(file);
        yield* recordsOf(chunk.first, chunk.items);
      }
    };
    return { kind: 'records', records: { [Symbol.iterator]: streamed } };
  }
  const records: YamlRecord[] = [];
  let malformed = false;
  for (const chunk of parsedChunks(text, blocks, file, problems)) {
    if (chunk.kind === 'not-the-records') return { kind: 'not-a-plain-list' };
    if (chunk.kind === 'malformed') malformed = true;
    else for (const record of recordsOf(chunk.first, chunk.items)) records.push(record);
  }
  return malformed ? { kind: 'malformed' } : { kind: 'records', records };
}

type ParsedChunk =
  | { kind: 'items'; first: number; items: unknown[] }
  /** Syntax errors, reported to the problems given (if any). */
  | { kind: 'malformed' }
  /** The blocks were not the records (a scalar spanning lines that start with "- "). */
  | { kind: 'not-the-records' };

/** The blocks parsed CHUNK_RECORDS at a time, by js-yaml, or by `yaml` where js-yaml refuses. */
function* parsedChunks(
  text: string,
  { starts, lines }: Blocks,
  file: string,
  problems: DataProblem[] = [],
): Generator<ParsedChunk> {
  for (let first = 0; first < starts.length; first += CHUNK_RECORDS) {
    const last = Math.min(first + CHUNK_RECORDS, starts.length);
    const chunk = text.slice(starts[first]!, starts[last] ?? text.length);
    let items: unknown[] | null = null;
    try {
      const value = jsYaml.load(chunk, { schema: jsYaml.CORE_SCHEMA, filename: file });
      if (Array.isArray(value) && value.length === last - first) items = value;
    } catch {
      // Read again by `yaml` below, which says where and what.
    }
    items ??= readChunkExactly(chunk, lines[first]!, file, problems);
    if (!items) yield { kind: 'malformed' };
    else if (items.length !== last - first) yield { kind: 'not-the-records' };
    else yield { kind: 'items', first, items };
  }
}

/** A chunk read by `yaml`: its items, or null after reporting its syntax errors with their lines. */
function readChunkExactly(chunk: string, firstLine: number, file: string, problems: DataProblem[]): unknown[] | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(chunk, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = firstLine + lineCounter.linePos(error.pos[0]).line - 1;
      problems.push({ file, line, message: `malformed YAML: ${error.message.split('\n')[0]}` });
    }
    return null;
  }
  const value: unknown = document.toJSON();
  return Array.isArray(value) ? value : null;
}
