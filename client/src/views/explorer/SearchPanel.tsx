/**
 * Full-text search (Query.fullTextSearch): names, aliases, descriptions, quotes and the
 * sources' texts, typo tolerant. The text asked is in the explorer state (the URL's `q`);
 * results come in three groups: an entity selects it, a relation opens its evidence, a
 * passage opens the reader at its place.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';

import { useFullTextSearch } from '../../api/queries';
import { AppLink } from '../../components/AppLink';
import { QueryState } from '../../components/QueryState';
import { TypeBadge } from '../../components/TypeBadge';
import { readerHref } from '../../core/routing';
import './search-panel.css';

/** Results listed per group (the API counts them all). */
const RESULTS_PER_GROUP = 10;

export interface SearchPanelProps {
  search: string | null;
  onSearch: (text: string | null) => void;
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
}

/**
 * One group of results: its title with how many the API found (and how many are listed),
 * then one list item per result.
 */
function ResultGroup<Item>({
  label,
  connection,
  itemKey,
  renderItem,
  itemClassName,
}: {
  label: string;
  connection: { totalCount: number; edges: readonly { node: Item }[] };
  itemKey: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
  itemClassName?: string;
}) {
  const titleId = useId();
  const shown = connection.edges.length;
  const total = connection.totalCount;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="search-results__title">
        {label} <span className="count">{total}</span>
        {shown < total && <span className="note"> (first {shown})</span>}
      </h3>
      <ul>
        {connection.edges.map(({ node }) => (
          <li key={itemKey(node)} className={itemClassName}>
            {renderItem(node)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SearchPanel({ search, onSearch, onSelectEntity, onSelectRelation }: SearchPanelProps) {
  const [typed, setTyped] = useState(search ?? '');
  const query = useFullTextSearch(search ?? '', RESULTS_PER_GROUP);
  const results = query.data?.fullTextSearch;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = typed.trim();
    onSearch(text === '' ? null : text);
  };

  return (
    <div className="search-panel">
      <form role="search" aria-label="Search all text" onSubmit={submit} className="inline-field">
        <label>
          <span className="visually-hidden">Search all text</span>
          <input
            type="search"
            value={typed}
            placeholder="Names, quotes, sources…"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit" className="secondary-button">
          Search
        </button>
      </form>
      {!search && <p className="empty-note">Search names, descriptions, quotes and the articles' full texts.</p>}
      {search && (
        <QueryState query={query} action={`search for “${search}”`} found={Boolean(results)} loading="Searching…" />
      )}
      {results && (
        <div className="search-results">
          <ResultGroup
            label="Entities"
            connection={results.entities}
            itemKey={(match) => match.entity.id}
            renderItem={({ entity }) => (
              <button type="button" className="entity-link" onClick={() => onSelectEntity(entity.id)}>
                <TypeBadge type={entity.type} compact />
                {entity.name}
              </button>
            )}
          />
          <ResultGroup
            label="Relations"
            connection={results.relations}
            itemKey={(match) => match.relation.id}
            renderItem={({ relation }) => (
              <button type="button" className="relation-link" onClick={() => onSelectRelation(relation.id)}>
                {relation.subject.name} <strong>{relation.label}</strong> {relation.object.name}
              </button>
            )}
          />
          <ResultGroup
            label="Passages"
            connection={results.passages}
            itemKey={(passage) => `${passage.source.id}-${passage.start}`}
            itemClassName="search-results__passage"
            renderItem={(passage) => (
              <>
                <AppLink href={readerHref(passage.source.id, { start: passage.start, end: passage.end })}>
                  {passage.snippet.text}
                </AppLink>
                <p className="quote__source">— {passage.source.publisher}</p>
              </>
            )}
          />
        </div>
      )}
    </div>
  );
}
