/**
 * Reading a graph-data YAML file into records that remember where they stand, so every
 * later problem can name the file, the record and the line.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { FilesDigest } from './data-version';
import type { DataProblem } from './errors';
import { readRecordBlocks } from './record-blocks';

export interface YamlRecord {
  /** 1-based position in the file's list. */
  index: number;
  /** The parsed record; cleared once validated (see load-graph-data.ts). */
  value: unknown;
  /** Line of a field inside the record (or of the record itself when the field is not found). */
  lineOf(path?: (string | number)[]): number | undefined;
}

export interface YamlFile {
  file: string;
  document: Document;
  lineOf(node: Node | null | undefined): number | undefined;
}

/**
 * The text of a graph-data file, or null after reporting why it cannot be read. Its bytes go
 * into `digest` (the data version) as they are read.
 */
export async function readDataFile(
  dir: string,
  file: string,
  problems: DataProblem[],
  digest?: FilesDigest,
): Promise<string | null> {
  try {
    const bytes = await readFile(`${dir}/${file}`);
    digest?.add(file, bytes);
    return bytes.toString('utf8');
  } catch (error) {
    problems.push({
      file,
      message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
    return null;
  }
}

/** A small YAML file (the vocabulary, the dataset) parsed whole, with a syntax tree for positions. */
export async function readYamlFile(
  dir: string,
  file: string,
  problems: DataProblem[],
  digest?: FilesDigest,
): Promise<YamlFile | null> {
  const text = await readDataFile(dir, file, problems, digest);
  return text === null ? null : parseYamlText(text, file, problems);
}

/**
 * The records of a list file (sources, entities, relations, claims), read by the fast path of
 * record-blocks.ts where it applies and whole by `yaml` where it does not; null after
 * reporting why they cannot be read. 'streamed': parsed as they are iterated, once (see
 * readRecordBlocks).
 */
export async function readRecordFile(
  dir: string,
  file: string,
  problems: DataProblem[],
  digest: FilesDigest,
  mode: 'whole' | 'streamed' = 'whole',
): Promise<Iterable<YamlRecord> | null> {
  const text = await readDataFile(dir, file, problems, digest);
  if (text === null) return null;
  const fast = readRecordBlocks(text, file, problems, mode);
  if (fast.kind === 'records') return fast.records;
  if (fast.kind === 'malformed') return null;
  const yaml = parseYamlText(text, file, problems);
  return yaml && listRecords(yaml, problems);
}

function parseYamlText(text: string, file: string, problems: DataProblem[]): YamlFile | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      problems.push({ file, line, message: `malformed YAML: ${error.message.split('\n')[0]}` });
    }
    return null;
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  return { file, document, lineOf };
}

/** The records of a list, either the whole document (`key` undefined) or the list under `key`. */
export function listRecords(yaml: YamlFile, problems: DataProblem[], key?: string): YamlRecord[] | null {
  const root = yaml.document.contents;
  const list = key === undefined ? root : isMap(root) ? root.get(key, true) : undefined;
  const where = key === undefined ? 'the file' : `"${key}"`;
  if (list === null || list === undefined) {
    // An empty file is an empty list; a missing key under a map is an error.
    if (key === undefined) return [];
    problems.push({ file: yaml.file, message: `${where} is missing: expected a list of records` });
    return null;
  }
  if (!isSeq(list)) {
    problems.push({ file: yaml.file, line: yaml.lineOf(list as Node), message: `${where} must be a list of records` });
    return null;
  }
  return list.items.map((item, position) => ({
    index: position + 1,
    value: (item as Node & { toJSON(): unknown }).toJSON(),
    lineOf(path) {
      const node = path && isMap(item) ? (item.getIn(path, true) as Node | undefined) : undefined;
      return yaml.lineOf(node ?? (item as Node));
    },
  }));
}

/**
 * Checks a record against its schema. Every issue becomes a problem that names the field;
 * the record is returned only when it is valid.
 */
export function parseRecord<T extends z.ZodType>(
  schema: T,
  record: YamlRecord,
  file: string,
  problems: DataProblem[],
): z.output<T> | null {
  const result = schema.safeParse(record.value);
  if (result.success) return result.data;
  const recordId = idOf(record.value);
  for (const issue of result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    problems.push({
      file,
      record: record.index,
      recordId,
      field: path.length > 0 ? path.join('.') : undefined,
      line: record.lineOf(path),
      message: describeIssue(issue),
    });
  }
  return null;
}

export function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  return issue.message;
}
