/**
 * The table view: the relations or the entities the explorer's filters keep, as a sortable,
 * paged table. Filters and selection are the explorer's own state (core/url-state), carried
 * in this view's URL with the list and the sort (core/table), so a link restores the same
 * table; "Show on the graph" carries them back. The API sorts and pages (`orderBy`, `first`,
 * `after`), so the page holds one page of rows at any size of graph. A relation's row opens
 * its evidence beside the table, and a quote there opens the reader at its sentence.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { TableEntitiesQuery, TableRelationsQuery } from '../../api/generated/graphql';
import { useTableEntities, useTableRelations } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useNavigation } from '../../bindings/use-navigation';
import { AppLink } from '../../components/AppLink';
import { EvidencePanel } from '../../components/EvidencePanel';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { SourceChips } from '../../components/SourceList';
import { TypeBadge } from '../../components/TypeBadge';
import type { ExplorerState } from '../../core/explorer-state';
import { filtersEntityListIgnores, toEntityFilter, toRelationFilter, type FilterState } from '../../core/filters';
import { describeActiveFilters } from '../../core/filters/describe';
import { clearSelection, selectEntity, selectRelation } from '../../core/selection';
import {
  TABLE_PAGE_SIZE,
  readTableState,
  sortBy,
  tableHref,
  type TableList,
  type TableSort,
  type TableState,
} from '../../core/table';
import { explorerHref, readExplorerUrl, sanitizeExplorerState } from '../../core/url-state';
import { FilterPanel } from '../explorer/FilterPanel';
import { DataTable, Pager, type Column } from './DataTable';
import './table.css';

type RelationRow = TableRelationsQuery['relations']['edges'][number]['node'];
type EntityRow = TableEntitiesQuery['entities']['edges'][number]['node'];

/** The cursors of the pages seen so far (null for the first), so Previous goes back without re-counting. */
function usePages(resetKey: string) {
  const [pages, setPages] = useState<{ key: string; afters: (string | null)[] }>({ key: resetKey, afters: [null] });
  const afters = pages.key === resetKey ? pages.afters : [null];
  return {
    after: afters[afters.length - 1]!,
    index: afters.length - 1,
    /** The page an answer's `after` asks for (the last page when it is none of these). */
    indexOf: (after: string | null | undefined) => {
      const index = after === undefined ? -1 : afters.lastIndexOf(after);
      return index >= 0 ? index : afters.length - 1;
    },
    next: (cursor: string) => setPages({ key: resetKey, afters: [...afters, cursor] }),
    previous: () => setPages({ key: resetKey, afters: afters.slice(0, -1) }),
  };
}

type Pages = ReturnType<typeof usePages>;

interface SortedPageProps<Row> {
  /** What the rows are, plural ("relations"), for the caption and the pager. */
  noun: string;
  connection: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    edges: { node: Row }[];
  };
  columns: Column<Row>[];
  sort: TableSort<string>;
  onSort: (field: string) => void;
  pages: Pages;
  /**
   * The question the rows answer: while the next page is on its way they are the last page's,
   * and the pager says so (and waits for it before paging again).
   */
  answered: { after?: string | null } | undefined;
  fetching: boolean;
  selectedKey?: string | null;
  rowKey: (row: Row) => string;
}

/** One page of a connection as a sorted table with its pager: the relations' and the entities' alike. */
function SortedPage<Row>({
  noun,
  connection,
  columns,
  sort,
  onSort,
  pages,
  answered,
  fetching,
  selectedKey,
  rowKey,
}: SortedPageProps<Row>) {
  const shownIndex = pages.indexOf(answered?.after ?? null);
  const sortLabel = columns.find((column) => column.sortField === sort.field)?.label ?? sort.field;
  const { hasNextPage, endCursor } = connection.pageInfo;
  return (
    <>
      <DataTable
        caption={`${noun[0]!.toUpperCase()}${noun.slice(1)} the filters keep, sorted by ${sortLabel} (${sort.direction === 'ASC' ? 'ascending' : 'descending'})`}
        columns={columns}
        rows={connection.edges.map((edge) => edge.node)}
        rowKey={rowKey}
        sort={sort}
        selectedKey={selectedKey}
        onSort={onSort}
      />
      <Pager
        start={shownIndex * TABLE_PAGE_SIZE}
        shown={connection.edges.length}
        total={connection.totalCount}
        noun={noun}
        onPrevious={!fetching && pages.index > 0 ? pages.previous : null}
        onNext={!fetching && hasNextPage && endCursor ? () => pages.next(endCursor) : null}
      />
    </>
  );
}

interface ListProps {
  explorer: ExplorerState;
  table: TableState;
  go: (explorer: ExplorerState, table: TableState) => void;
}

function RelationsTable({ explorer, table, go }: ListProps) {
  const { data } = useLoadedGraph();
  const filter = useMemo(() => toRelationFilter(explorer.filters), [explorer.filters]);
  const sort = table.relationSort;
  const pages = usePages(JSON.stringify([filter, sort]));
  const query = useTableRelations(filter, sort, TABLE_PAGE_SIZE, pages.after, false);
  const connection = query.data?.relations;
  const selectedId = explorer.selection?.kind === 'relation' ? explorer.selection.id : null;
  const open = (id: string) => go({ ...explorer, selection: selectRelation(id)(explorer.selection) }, table);

  const columns: Column<RelationRow>[] = [
    {
      id: 'subject',
      label: 'Subject',
      sortField: 'SUBJECT',
      render: (row) => <EntityCell entity={row.subject} explorer={explorer} />,
    },
    {
      id: 'relation',
      label: 'Relation',
      sortField: 'TYPE',
      render: (row) => (
        <button
          type="button"
          className="link-button"
          data-relation-id={row.id}
          aria-label={`Evidence: ${row.subject.name} ${row.label} ${row.object.name}`}
          aria-pressed={row.id === selectedId}
          onClick={() => open(row.id)}
        >
          {row.label}
        </button>
      ),
    },
    {
      id: 'object',
      label: 'Object',
      sortField: 'OBJECT',
      render: (row) => <EntityCell entity={row.object} explorer={explorer} />,
    },
    {
      id: 'corroboration',
      label: 'Sources',
      sortField: 'CORROBORATION',
      numeric: true,
      render: (row) => row.corroboration,
    },
    {
      id: 'sources',
      label: 'Cited by',
      render: (row) => (
        <SourceChips
          sources={row.sourceIds.map((id) => data.sourceById.get(id) ?? { id, title: id, publisher: null })}
        />
      ),
    },
  ];

  return (
    <>
      <QueryState query={query} action="load the relations" found={Boolean(connection)} loading="Loading relations…" />
      {connection && (
        <SortedPage
          noun="relations"
          connection={connection}
          columns={columns}
          sort={sort}
          onSort={(field) => go(explorer, { ...table, relationSort: sortBy(sort, field as typeof sort.field) })}
          pages={pages}
          answered={query.answered}
          fetching={query.fetching}
          selectedKey={selectedId}
          rowKey={(row) => row.id}
        />
      )}
    </>
  );
}

function EntityCell({
  entity,
  explorer,
}: {
  entity: { id: string; name: string; type: string };
  explorer: ExplorerState;
}) {
  return (
    <span className="data-table__entity">
      <TypeBadge type={entity.type} compact />
      <AppLink href={explorerHref({ ...explorer, selection: selectEntity(entity.id)(explorer.selection) })}>
        {entity.name}
      </AppLink>
    </span>
  );
}

function EntitiesTable({ explorer, table, go }: ListProps) {
  const filter = useMemo(() => toEntityFilter(explorer.filters), [explorer.filters]);
  const sort = table.entitySort;
  const pages = usePages(JSON.stringify([filter, sort]));
  const query = useTableEntities(filter, sort, TABLE_PAGE_SIZE, pages.after, false);
  const connection = query.data?.entities;
  const ignored = filtersEntityListIgnores(explorer.filters);

  const columns: Column<EntityRow>[] = [
    { id: 'name', label: 'Name', sortField: 'NAME', render: (row) => <EntityCell entity={row} explorer={explorer} /> },
    { id: 'type', label: 'Type', sortField: 'TYPE', render: (row) => <TypeBadge type={row.type} /> },
    { id: 'degree', label: 'Relations', sortField: 'DEGREE', numeric: true, render: (row) => row.degree },
    { id: 'sources', label: 'Sources', sortField: 'SOURCES', numeric: true, render: (row) => row.sources.totalCount },
  ];

  return (
    <>
      {ignored.length > 0 && (
        <p className="note">
          The entity list applies the entity type and source filters; it does not apply: {ignored.join(', ')}.
        </p>
      )}
      <QueryState query={query} action="load the entities" found={Boolean(connection)} loading="Loading entities…" />
      {connection && (
        <SortedPage
          noun="entities"
          connection={connection}
          columns={columns}
          sort={sort}
          onSort={(field) => go(explorer, { ...table, entitySort: sortBy(sort, field as typeof sort.field) })}
          pages={pages}
          answered={query.answered}
          fetching={query.fetching}
          rowKey={(row) => row.id}
        />
      )}
    </>
  );
}

const LISTS: { id: TableList; label: string }[] = [
  { id: 'relations', label: 'Relations' },
  { id: 'entities', label: 'Entities' },
];

export function TableView() {
  const { data } = useLoadedGraph();
  const { location, navigate } = useNavigation();
  const { explorer, table, problems } = useMemo(() => {
    const read = readExplorerUrl(location.search);
    const sanitized = sanitizeExplorerState(read.state, data);
    const tableRead = readTableState(location.search);
    return {
      explorer: sanitized.state,
      table: tableRead.table,
      problems: [...read.problems, ...tableRead.problems, ...sanitized.problems],
    };
  }, [location.search, data]);
  const go = useCallback(
    (nextExplorer: ExplorerState, nextTable: TableState) => navigate(tableHref(nextExplorer, nextTable)),
    [navigate],
  );
  const changeFilters = (producer: (filters: FilterState) => FilterState) =>
    go({ ...explorer, filters: producer(explorer.filters) }, table);
  const filterWords = describeActiveFilters(explorer.filters, data);
  const selection = explorer.selection;

  // Closing the evidence puts keyboard focus back on the row that opened it.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (selection?.kind === 'relation') {
      opened.current = selection.id;
    } else if (opened.current) {
      const id = opened.current;
      opened.current = null;
      document.querySelector<HTMLElement>(`[data-relation-id="${CSS.escape(id)}"]`)?.focus();
    }
  }, [selection]);

  return (
    <PageLayout className="table-view" title="Table">
      {problems.length > 0 && (
        <ul className="note note--warning">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="table-view__layout">
        <aside className="table-view__filters" aria-label="Filters">
          <h2>Filters</h2>
          <FilterPanel filters={explorer.filters} onChange={changeFilters} />
        </aside>
        <section className="table-view__list" aria-label="List">
          <div className="table-view__bar">
            <div role="group" aria-label="Show">
              {LISTS.map((list) => (
                <button
                  key={list.id}
                  type="button"
                  className="secondary-button"
                  aria-pressed={table.list === list.id}
                  onClick={() => go(explorer, { ...table, list: list.id })}
                >
                  {list.label}
                </button>
              ))}
            </div>
            <AppLink href={explorerHref(explorer)}>Show on the graph</AppLink>
          </div>
          <p className="table-view__filter-words">
            {filterWords.length === 0 ? 'No filter is on.' : `Filters: ${filterWords.join(' · ')}`}
          </p>
          {table.list === 'relations' ? (
            <RelationsTable explorer={explorer} table={table} go={go} />
          ) : (
            <EntitiesTable explorer={explorer} table={table} go={go} />
          )}
        </section>
        {selection?.kind === 'relation' && (
          <aside className="table-view__details" aria-label="Details">
            <EvidencePanel
              key={selection.id}
              relationId={selection.id}
              hiddenReason={null}
              onSelectEntity={(id) => navigate(explorerHref({ ...explorer, selection: selectEntity(id)(selection) }))}
              onClose={() => go({ ...explorer, selection: clearSelection()(selection) }, table)}
              focusOnOpen
            />
          </aside>
        )}
      </div>
    </PageLayout>
  );
}
