/**
 * Comment-preserving edits of graph-data's YAML
 * =============================================
 *
 * The YAML files stay the store of record, written and reviewed by hand, so a change from the
 * browser must read like a hand edit: one new block at the end of a file, or a few lines
 * inserted into one record, with every other byte (comments, order, quoting, folded text) as
 * it was. Re-serialising the parsed document would reflow folded scalars and requote strings,
 * so the edits here splice text at the positions the `yaml` parser reports, and every edit is
 * checked by parsing the result again: the record must read back exactly as intended.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** Serialised like the hand-written files: block style, one line per quote (never folded). */
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

export class YamlEditError extends Error {}

/** `text` with `record` appended as the last item of the file's top-level list, after a blank line. */
export function appendRecord(text: string, record: Record<string, unknown>): string {
  const block = stringify([record], STRINGIFY_OPTIONS);
  const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
  const next = `${body}${body.trim().length > 0 ? '\n' : ''}${block}`;
  const records = topLevelRecords(next);
  const last = records.at(-1) as Node | undefined;
  if (!last || !sameValue(last.toJSON(), record))
    throw new YamlEditError('the new record did not read back as written');
  return next;
}

/**
 * `text` with `item` appended to the list `key` of the record `id` (the list is created when
 * the record has none). A flow list (`[a, b]`) stays a flow list.
 */
export function appendToRecordList(text: string, id: string, key: string, item: unknown): string {
  const record = findRecord(text, id);
  const expected = record.toJSON() as Record<string, unknown>;
  const list = record.get(key, true) as Node | undefined;
  let next: string;
  if (list === undefined || list === null) {
    next = insertField(text, record, key, [item]);
  } else if (isSeq(list) && list.flow) {
    const close = list.range![1] - 1;
    if (text[close] !== ']') throw new YamlEditError(`cannot find the end of the list "${key}" of "${id}"`);
    const separator = list.items.length > 0 ? ', ' : '';
    next = `${text.slice(0, close)}${separator}${flowScalar(item)}${text.slice(close)}`;
  } else if (isSeq(list) && list.items.length > 0) {
    const at = lineEndAfter(text, contentEnd(list));
    const indent = columnOf(text, list.range![0]);
    next = `${text.slice(0, at)}${indented(stringify([item], STRINGIFY_OPTIONS), indent)}${text.slice(at)}`;
  } else {
    throw new YamlEditError(`the field "${key}" of "${id}" is not a list`);
  }
  const previous = Array.isArray(expected[key]) ? (expected[key] as unknown[]) : [];
  checkRecord(next, id, { ...expected, [key]: [...previous, item] });
  return next;
}

/** `text` with the field `key: value` added at the end of the record `id`, which must not have it. */
export function addRecordField(text: string, id: string, key: string, value: unknown): string {
  const record = findRecord(text, id);
  if (record.has(key)) throw new YamlEditError(`the record "${id}" already has "${key}"`);
  const next = insertField(text, record, key, value);
  checkRecord(next, id, { ...(record.toJSON() as Record<string, unknown>), [key]: value });
  return next;
}

function insertField(text: string, record: YAMLMap, key: string, value: unknown): string {
  const at = lineEndAfter(text, contentEnd(record));
  const indent = columnOf(text, (record.items[0]?.key as Node).range![0]);
  return `${text.slice(0, at)}${indented(stringify({ [key]: value }, STRINGIFY_OPTIONS), indent)}${text.slice(at)}`;
}

function topLevelRecords(text: string): YAMLSeq['items'] {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0)
    throw new YamlEditError(`malformed YAML: ${document.errors[0]!.message.split('\n')[0]}`);
  const root = document.contents;
  if (root === null) return [];
  if (!isSeq(root)) throw new YamlEditError('the file is not a list of records');
  return root.items;
}

function findRecord(text: string, id: string): YAMLMap {
  const record = topLevelRecords(text).find((item) => isMap(item) && item.get('id') === id);
  if (!record || !isMap(record)) throw new YamlEditError(`no record with id "${id}"`);
  return record;
}

function checkRecord(text: string, id: string, expected: unknown): void {
  if (!sameValue(findRecord(text, id).toJSON(), expected)) {
    throw new YamlEditError(`the edit of "${id}" did not read back as intended`);
  }
}

/** Where a node's own text ends, leaving out comments and blank lines that follow it. */
function contentEnd(node: Node): number {
  if (isMap(node) && node.items.length > 0) {
    const last = node.items.at(-1)!;
    return contentEnd((last.value as Node | null) ?? (last.key as Node));
  }
  if (isSeq(node) && node.items.length > 0 && !node.flow) return contentEnd(node.items.at(-1) as Node);
  if (isScalar(node) || isMap(node) || isSeq(node)) return node.range![1];
  throw new YamlEditError('unexpected YAML node');
}

/** The start of the line after the one holding position `end - 1`. */
function lineEndAfter(text: string, end: number): number {
  const newline = text.indexOf('\n', Math.max(0, end - 1));
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, position: number): number {
  return position - (text.lastIndexOf('\n', position - 1) + 1);
}

function indented(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

/** A scalar as it can stand inside a flow list: plain when safe, otherwise double-quoted. */
function flowScalar(value: unknown): string {
  if (typeof value === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u.test(value) && !/[ ]$/.test(value)) {
    const read = parseDocument(`[${value}]`).toJSON() as unknown[];
    if (read.length === 1 && read[0] === value) return value;
  }
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
