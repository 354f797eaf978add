/**
 * The table view's state in its URL: which list it shows and how it is sorted, beside the
 * explorer's own state (filters, selection), so a link restores the same table:
 *
 *   /table?<explorer state>&table=entities&sort=name&desc=1
 *
 * Only what differs from the defaults is written. The columns a list can be sorted by are
 * the API's order fields (RelationOrderField, EntityOrderField); sorting and paging happen
 * on the server, so the table never holds more than a page.
 */
import type { EntityOrderField, RelationOrderField, SortDirection } from '../../api/generated/graphql';
import type { ExplorerState } from '../explorer-state';
import { unreadableParam } from '../filters/definition';
import { routeHref } from '../routing';
import { serializeExplorerState } from '../url-state';

export type TableList = 'relations' | 'entities';

export interface TableSort<Field> {
  field: Field;
  direction: SortDirection;
}

export interface TableState {
  list: TableList;
  relationSort: TableSort<RelationOrderField>;
  entitySort: TableSort<EntityOrderField>;
}

/** Relations best supported first; entities by name. */
export const DEFAULT_RELATION_SORT: TableSort<RelationOrderField> = { field: 'CORROBORATION', direction: 'DESC' };
export const DEFAULT_ENTITY_SORT: TableSort<EntityOrderField> = { field: 'NAME', direction: 'ASC' };

/** The columns each list can be sorted by: the API's order fields (ties by id, so not ID itself). */
export const RELATION_SORT_FIELDS: readonly RelationOrderField[] = ['SUBJECT', 'TYPE', 'OBJECT', 'CORROBORATION'];
export const ENTITY_SORT_FIELDS: readonly EntityOrderField[] = ['NAME', 'TYPE', 'DEGREE', 'SOURCES'];

export const DEFAULT_TABLE_STATE: TableState = {
  list: 'relations',
  relationSort: DEFAULT_RELATION_SORT,
  entitySort: DEFAULT_ENTITY_SORT,
};

/** Rows a page of the table shows (and asks the API for). */
export const TABLE_PAGE_SIZE = 50;

const TABLE_LISTS: readonly TableList[] = ['relations', 'entities'];

/** The list's sort a query string names, or the list's default and what could not be read. */
function readSort<Field extends string>(
  params: URLSearchParams,
  fields: readonly Field[],
  fallback: TableSort<Field>,
  problems: string[],
): TableSort<Field> {
  const name = params.get('sort');
  const desc = params.get('desc');
  if (desc !== null && desc !== '1' && desc !== '')
    problems.push(unreadableParam('desc', desc, '1 (for a descending sort)'));
  if (name === null || name === '') return fallback;
  const field = fields.find((value) => value.toLowerCase() === name);
  if (!field) {
    const choices = fields.map((value) => value.toLowerCase()).join(', ');
    problems.push(unreadableParam('sort', name, `a column of this list (${choices})`));
    return fallback;
  }
  return { field, direction: desc === '1' ? 'DESC' : 'ASC' };
}

/**
 * Reads the table's part of a query string: defaults for what it does not name, and for what
 * it names wrongly, with the problem said for the user (as the explorer's own state does).
 */
export function readTableState(search: string): { table: TableState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const named = params.get('table');
  if (named !== null && named !== '' && !TABLE_LISTS.includes(named as TableList))
    problems.push(unreadableParam('table', named, TABLE_LISTS.join(' or ')));
  const list: TableList = named === 'entities' ? 'entities' : 'relations';
  const table: TableState =
    list === 'relations'
      ? {
          ...DEFAULT_TABLE_STATE,
          list,
          relationSort: readSort(params, RELATION_SORT_FIELDS, DEFAULT_RELATION_SORT, problems),
        }
      : {
          ...DEFAULT_TABLE_STATE,
          list,
          entitySort: readSort(params, ENTITY_SORT_FIELDS, DEFAULT_ENTITY_SORT, problems),
        };
  return { table, problems };
}

/** The sort the shown list uses. */
export function currentSort(state: TableState): TableSort<string> {
  return state.list === 'relations' ? state.relationSort : state.entitySort;
}

/** The table's URL for an explorer state (filters, selection) and a table state. */
export function tableHref(explorer: ExplorerState, table: TableState = DEFAULT_TABLE_STATE): string {
  const parts: string[] = [];
  if (table.list === 'entities') parts.push('table=entities');
  const sort = currentSort(table);
  const fallback = table.list === 'relations' ? DEFAULT_RELATION_SORT : DEFAULT_ENTITY_SORT;
  if (sort.field !== fallback.field || sort.direction !== fallback.direction) {
    parts.push(`sort=${sort.field.toLowerCase()}`);
    if (sort.direction === 'DESC') parts.push('desc=1');
  }
  const explorerPart = serializeExplorerState(explorer).slice(1);
  const query = [explorerPart, ...parts].filter((part) => part !== '').join('&');
  const path = routeHref({ view: 'table' });
  return query === '' ? path : `${path}?${query}`;
}

/** Sorting by a column: the same column again turns the direction round; a new one starts ascending. */
export function sortBy<Field extends string>(current: TableSort<Field>, field: Field): TableSort<Field> {
  if (current.field !== field) return { field, direction: 'ASC' };
  return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
}
