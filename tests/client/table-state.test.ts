import { INITIAL_EXPLORER_STATE } from '../../client/src/core/explorer-state';
import { DEFAULT_TABLE_STATE, readTableState, tableHref } from '../../client/src/core/table';

const query = (href: string) => href.slice(href.indexOf('?'));

test('a table link is read back as the table state it was written from, without problems', () => {
  const table = {
    ...DEFAULT_TABLE_STATE,
    list: 'entities' as const,
    entitySort: { field: 'DEGREE' as const, direction: 'DESC' as const },
  };
  expect(readTableState(query(tableHref(INITIAL_EXPLORER_STATE, table)))).toEqual({ table, problems: [] });
  expect(readTableState('')).toEqual({ table: DEFAULT_TABLE_STATE, problems: [] });
});

test('unreadable table, sort and desc values fall back to the defaults and are each named', () => {
  const { table, problems } = readTableState('?table=bogus&sort=nope&desc=x');
  expect(table).toEqual(DEFAULT_TABLE_STATE);
  expect(problems).toHaveLength(3);
  expect(problems.join('\n')).toMatch(/"table" value "bogus"/);
  expect(problems.join('\n')).toMatch(/"sort" value "nope".*subject, type, object, corroboration/);
  expect(problems.join('\n')).toMatch(/"desc" value "x"/);
});

test("a sort by a column of the other list is named, and the list's default kept", () => {
  const { table, problems } = readTableState('?table=entities&sort=corroboration');
  expect(table).toEqual({ ...DEFAULT_TABLE_STATE, list: 'entities' });
  expect(problems).toEqual([expect.stringMatching(/"sort" value "corroboration".*name, type, degree, sources/)]);
});
