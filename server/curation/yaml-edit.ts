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
 *
 * Cost: parsing a whole file with `yaml` takes seconds at 10^5 records, so an edit of one
 * record parses that record's block only (found by the loader's line scan, record-blocks.ts,
 * when its first line is `- id: …`, as every record written here is) and splices it back.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

import { splitRecordBlocks } from '../data/record-blocks';

/** Serialised like the hand-written files: block style, one line per quote (never folded). */
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

export class YamlEditError extends Error {}

/** `text` with `record` appended as the last item of the file's top-level list, after a blank line. */
export function appendRecord(text: string, record: Record<string, unknown>): string {
  const block = stringify([record], STRINGIFY_OPTIONS);
  const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
  const next = `${body}${body.trim().length > 0 ? '\n' : ''}${block}`;
  // The block starts a top-level item of its own at column 0: reading it alone reads the record.
  const records = topLevelRecords(block);
  const last = records.at(-1) as Node | undefined;
  if (!last || !sameValue(last.toJSON(), record))
    throw new YamlEditError('the new record did not read back as written');
  return next;
}

/**
 * `text` with `item` appended to the list `key` of the record `id` (the list is created when
 * the record has none). A flow list (`[a, b]`) stays a flow list.
 */
function appendToRecordListIn(text: string, id: string, key: string, item: unknown): string {
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
function addRecordFieldIn(text: string, id: string, key: string, value: unknown): string {
  const record = findRecord(text, id);
  if (record.has(key)) throw new YamlEditError(`the record "${id}" already has "${key}"`);
  const next = insertField(text, record, key, value);
  checkRecord(next, id, { ...(record.toJSON() as Record<string, unknown>), [key]: value });
  return next;
}

/**
 * Record-level edits, each applied to the record's own block (see the cost note above):
 * `text` with `item` appended to the list `key` of the record `id` (the list is created when
 * the record has none; a flow list stays a flow list) …
 */
export const appendToRecordList = (text: string, id: string, key: string, item: unknown): string =>
  withinRecordBlock(text, id, (block) => appendToRecordListIn(block, id, key, item));
/** … the field `key: value` added at the end of the record `id`, which must not have it … */
export const addRecordField = (text: string, id: string, key: string, value: unknown): string =>
  withinRecordBlock(text, id, (block) => addRecordFieldIn(block, id, key, value));
/** … without the field `key` of the record `id` … */
export const removeRecordField = (text: string, id: string, key: string): string =>
  withinRecordBlock(text, id, (block) => removeRecordFieldIn(block, id, key));
/** … with `key: value` added to the item `position` (a block map) of the list `list` of the record … */
export const addListItemField = (
  text: string,
  id: string,
  list: string,
  position: number,
  key: string,
  value: unknown,
): string => withinRecordBlock(text, id, (block) => addListItemFieldIn(block, id, list, position, key, value));
/** … without the field `key` of that item … */
export const removeListItemField = (text: string, id: string, list: string, position: number, key: string): string =>
  withinRecordBlock(text, id, (block) => removeListItemFieldIn(block, id, list, position, key));
/** … or without the scalar `item` in the list `key` of the record. */
export const removeFromRecordList = (text: string, id: string, key: string, item: unknown): string =>
  withinRecordBlock(text, id, (block) => removeFromRecordListIn(block, id, key, item));

/** The block of the record `id`, from its `- id:` line to the next record's; null when no block opens so. */
function blockOf(text: string, id: string): { start: number; end: number } | null {
  const starts = splitRecordBlocks(text)?.starts;
  if (!starts) return null;
  for (const [position, start] of starts.entries()) {
    const lineEnd = text.indexOf('\n', start);
    const match = /^- id: *(.*?)\s*$/.exec(text.slice(start, lineEnd === -1 ? text.length : lineEnd));
    if (match && plainScalar(match[1]!) === id) return { start, end: starts[position + 1] ?? text.length };
  }
  return null;
}

/**
 * The ids of a file's records (retired ones included), from their `id:` lines at record level
 * (`- id:` or two spaces in): a line scan, where parsing the file would take seconds. A record
 * written otherwise is missed, and a new id that repeats it is then refused by the loader.
 */
export function recordIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const match of text.matchAll(/^(?:- | {2})id: *(.*?)\s*$/gm)) ids.add(plainScalar(match[1]!));
  return ids;
}

/** A one-line YAML scalar's text: quotes taken off; anything unusual read by the parser. */
function plainScalar(written: string): string {
  if (/^[\w.-]+$/.test(written)) return written;
  return String(parse(written));
}

/** `edit` applied to the record's block, spliced back; to the whole text when the block cannot be found by its first line. */
function withinRecordBlock(text: string, id: string, edit: (text: string) => string): string {
  const block = blockOf(text, id);
  if (!block) return edit(text);
  return `${text.slice(0, block.start)}${edit(text.slice(block.start, block.end))}${text.slice(block.end)}`;
}

/** The value of the record `id` as plain data, or undefined when the file has no such record. */
export function recordValue(text: string, id: string): Record<string, unknown> | undefined {
  const block = blockOf(text, id);
  const within = block ? text.slice(block.start, block.end) : text;
  const record = topLevelRecords(within).find((item) => isMap(item) && item.get('id') === id);
  return record && isMap(record) ? (record.toJSON() as Record<string, unknown>) : undefined;
}

/** `text` without the field `key` of the record `id`: its lines are removed, every other byte kept. */
function removeRecordFieldIn(text: string, id: string, key: string): string {
  const record = findRecord(text, id);
  const { [key]: _removed, ...expected } = record.toJSON() as Record<string, unknown>;
  const next = removeField(text, record, key, `"${key}" of "${id}"`);
  checkRecord(next, id, expected);
  return next;
}

/** `text` with `key: value` added to the item `position` (a map) of the list `list` of the record `id`. */
function addListItemFieldIn(
  text: string,
  id: string,
  list: string,
  position: number,
  key: string,
  value: unknown,
): string {
  const record = findRecord(text, id);
  const item = listItemOf(record, id, list, position);
  if (item.has(key)) throw new YamlEditError(`item ${position} of "${list}" of "${id}" already has "${key}"`);
  const next = insertField(text, item, key, value);
  checkRecord(next, id, withListItem(record, list, position, { ...(item.toJSON() as object), [key]: value }));
  return next;
}

/** `text` without the field `key` of the item `position` of the list `list` of the record `id`. */
function removeListItemFieldIn(text: string, id: string, list: string, position: number, key: string): string {
  const record = findRecord(text, id);
  const item = listItemOf(record, id, list, position);
  const { [key]: _removed, ...rest } = item.toJSON() as Record<string, unknown>;
  const next = removeField(text, item, key, `"${key}" of item ${position} of "${list}" of "${id}"`);
  checkRecord(next, id, withListItem(record, list, position, rest));
  return next;
}

/**
 * `text` without the scalar `item` in the list `key` of the record `id`. A block list that
 * would be left empty goes with its key (as before the item was added to a record that had none).
 */
function removeFromRecordListIn(text: string, id: string, key: string, item: unknown): string {
  const record = findRecord(text, id);
  const expected = record.toJSON() as Record<string, unknown>;
  const list = record.get(key, true) as Node | undefined;
  if (!isSeq(list)) throw new YamlEditError(`the field "${key}" of "${id}" is not a list`);
  const position = list.items.findIndex((node) => isScalar(node) && node.value === item);
  if (position === -1) throw new YamlEditError(`the list "${key}" of "${id}" has no ${JSON.stringify(item)}`);
  const remaining = (expected[key] as unknown[]).filter((_, index) => index !== position);
  const node = list.items[position] as Node;
  let next: string;
  let wanted: Record<string, unknown> = { ...expected, [key]: remaining };
  if (list.flow) {
    const [start, end] = node.range!;
    const previous = list.items[position - 1] as Node | undefined;
    const following = list.items[position + 1] as Node | undefined;
    if (previous) next = `${text.slice(0, previous.range![1])}${text.slice(end)}`;
    else if (following) next = `${text.slice(0, start)}${text.slice(following.range![0])}`;
    else next = `${text.slice(0, start)}${text.slice(end)}`;
  } else if (list.items.length === 1) {
    const { [key]: _removed, ...rest } = expected;
    wanted = rest;
    next = removeField(text, record, key, `"${key}" of "${id}"`);
  } else {
    const lineStart = text.lastIndexOf('\n', node.range![0] - 1) + 1;
    next = `${text.slice(0, lineStart)}${text.slice(lineEndAfter(text, contentEnd(node)))}`;
  }
  checkRecord(next, id, wanted);
  return next;
}

function listItemOf(record: YAMLMap, id: string, list: string, position: number): YAMLMap {
  const items = record.get(list, true) as Node | undefined;
  const item = isSeq(items) ? items.items[position] : undefined;
  if (!isMap(item) || item.flow) throw new YamlEditError(`item ${position} of "${list}" of "${id}" is not a block map`);
  return item;
}

function withListItem(record: YAMLMap, list: string, position: number, item: unknown): unknown {
  const value = record.toJSON() as Record<string, unknown[]>;
  return { ...value, [list]: value[list]!.map((each, index) => (index === position ? item : each)) };
}

/** Removes the lines of the pair `key` of a block map: from its key's line to the end of its value. */
function removeField(text: string, map: YAMLMap, key: string, what: string): string {
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) throw new YamlEditError(`no field ${what}`);
  const keyStart = (pair.key as Node).range![0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  // A key on the line of a list item's dash ("- key: …") cannot go without the item.
  if (text.slice(lineStart, keyStart).trim().length > 0)
    throw new YamlEditError(`cannot remove ${what}: it opens its item`);
  const end = lineEndAfter(text, contentEnd((pair.value as Node | null) ?? (pair.key as Node)));
  return `${text.slice(0, lineStart)}${text.slice(end)}`;
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
