/**
 * A sortable table of one page of rows: a real <table> with a caption and column headers,
 * the sorted column marked with aria-sort, each sortable header a button. Sorting and paging
 * are the caller's (the API's): the table only draws the rows it is given, so the DOM holds
 * one page whatever the size of the list.
 */
import type { ReactNode } from 'react';

import type { SortDirection } from '../../api/generated/graphql';
import { formatCount } from '../../core/counts';
import type { TableSort } from '../../core/table';

export interface Column<Row> {
  id: string;
  label: string;
  /** The API order field this column sorts by; absent for a column that does not sort. */
  sortField?: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort: TableSort<string>;
  onSort: (field: string) => void;
  /** The row shown as chosen (its evidence is open). */
  selectedKey?: string | null;
}

const ARIA_SORT: Record<SortDirection, 'ascending' | 'descending'> = { ASC: 'ascending', DESC: 'descending' };

export function DataTable<Row>({ caption, columns, rows, rowKey, sort, onSort, selectedKey }: DataTableProps<Row>) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const sorted = column.sortField !== undefined && column.sortField === sort.field;
            return (
              <th
                key={column.id}
                scope="col"
                className={column.numeric ? 'data-table__numeric' : undefined}
                aria-sort={sorted ? ARIA_SORT[sort.direction] : undefined}
              >
                {column.sortField === undefined ? (
                  column.label
                ) : (
                  <button type="button" className="data-table__sort" onClick={() => onSort(column.sortField!)}>
                    {column.label}
                    <span className="data-table__arrow" aria-hidden="true">
                      {sorted ? (sort.direction === 'ASC' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr key={key} className={key === selectedKey ? 'data-table__row--selected' : undefined}>
              {columns.map((column) => (
                <td key={column.id} className={column.numeric ? 'data-table__numeric' : undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Rows 51–100 of 312", and the previous and next pages. */
export function Pager({
  start,
  shown,
  total,
  noun,
  onPrevious,
  onNext,
}: {
  start: number;
  shown: number;
  total: number;
  noun: string;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}) {
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <p className="pager__status" aria-live="polite">
        {shown === 0
          ? `No ${noun}`
          : `${noun[0]!.toUpperCase()}${noun.slice(1)} ${formatCount(start + 1)}–${formatCount(start + shown)} of ${formatCount(total)}`}
      </p>
      <button type="button" className="secondary-button" disabled={!onPrevious} onClick={onPrevious ?? undefined}>
        Previous page
      </button>
      <button type="button" className="secondary-button" disabled={!onNext} onClick={onNext ?? undefined}>
        Next page
      </button>
    </nav>
  );
}
