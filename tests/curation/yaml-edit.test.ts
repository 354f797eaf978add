import { parse } from 'yaml';

import {
  addListItemField,
  addRecordField,
  appendToRecordList,
  recordIds,
  recordValue,
  removeFromRecordList,
  removeListItemField,
  removeRecordField,
} from '../../server/curation/yaml-edit';

const FILE = [
  '# A comment that stays.',
  '',
  '- id: first',
  '  name: First # a trailing comment',
  '  aliases: [One, "Uno"]',
  '  citations:',
  '    - source: s1',
  "      quote: 'a quote'",
  '',
  '# Between records.',
  '- name: Second',
  '  id: second',
  '  aliases:',
  '    - Two',
  '',
  "- id: 'third'",
  '  name: Third',
  '',
].join('\n');

const RETIRED = { at: '2026-01-01T00:00:00.000Z', by: 'Ada', change: 3, reason: 'a test' };

test('each edit changes one record, reads back as intended, and its inverse gives the file back byte for byte', () => {
  // `first` and `third` are edited in their own block, `second` (id not on its first line) in the whole file.
  for (const id of ['first', 'second', 'third']) {
    const retired = addRecordField(FILE, id, 'retired', RETIRED);
    expect(recordValue(retired, id)?.retired).toEqual(RETIRED);
    expect(removeRecordField(retired, id, 'retired')).toBe(FILE);

    const aliased = appendToRecordList(FILE, id, 'aliases', 'Another name');
    expect(recordValue(aliased, id)?.aliases).toContain('Another name');
    expect(removeFromRecordList(aliased, id, 'aliases', 'Another name')).toBe(FILE);
    // Everything but the record reads as before.
    const others = (text: string) => (parse(text) as { id: string }[]).filter((record) => record.id !== id);
    expect(others(aliased)).toEqual(others(FILE));
  }
  const citation = addListItemField(FILE, 'first', 'citations', 0, 'retired', RETIRED);
  expect(citation).toContain("      quote: 'a quote'\n      retired:\n        at: ");
  expect(removeListItemField(citation, 'first', 'citations', 0, 'retired')).toBe(FILE);
});

test('the ids of a file are found by a line scan, quoted ones included', () => {
  expect(recordIds(FILE)).toEqual(new Set(['first', 'second', 'third']));
});

test('an edit of a record that is not there is refused, naming it', () => {
  expect(() => addRecordField(FILE, 'fourth', 'retired', RETIRED)).toThrow('no record with id "fourth"');
  expect(() => removeFromRecordList(FILE, 'first', 'aliases', 'Nobody')).toThrow(
    'the list "aliases" of "first" has no "Nobody"',
  );
});
