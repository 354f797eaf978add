/**
 * Full-text search (Query.fullTextSearch): names, aliases, descriptions, quotes and the
 * sources' texts, typo tolerant. The text asked is in the explorer state (the URL's `q`);
 * results come in three groups: an entity selects it, a relation opens its evidence, a
 * passage opens the reader at its place.
 */
import { useId, useState, type FormEvent } from 'react';

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

function GroupTitle({ id, label, shown, total }: { id: string; label: string; shown: number; total: number }) {
  return (
    <h3 id={id} className="search-results__title">
      {label} <span className="count">{total}</span>
      {shown < total && <span className="note"> (first {shown})</span>}
    </h3>
  );
}

export function SearchPanel({ search, onSearch, onSelectEntity, onSelectRelation }: SearchPanelProps) {
  const [typed, setTyped] = useState(search ?? '');
  const query = useFullTextSearch(search ?? '', RESULTS_PER_GROUP);
  const results = query.data?.fullTextSearch;
  const entitiesId = useId();
  const relationsId = useId();
  const passagesId = useId();

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
          <section aria-labelledby={entitiesId}>
            <GroupTitle
              id={entitiesId}
              label="Entities"
              shown={results.entities.edges.length}
              total={results.entities.totalCount}
            />
            <ul>
              {results.entities.edges.map(({ node }) => (
                <li key={node.entity.id}>
                  <button type="button" className="entity-link" onClick={() => onSelectEntity(node.entity.id)}>
                    <TypeBadge type={node.entity.type} compact />
                    {node.entity.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={relationsId}>
            <GroupTitle
              id={relationsId}
              label="Relations"
              shown={results.relations.edges.length}
              total={results.relations.totalCount}
            />
            <ul>
              {results.relations.edges.map(({ node }) => (
                <li key={node.relation.id}>
                  <button type="button" className="relation-link" onClick={() => onSelectRelation(node.relation.id)}>
                    {node.relation.subject.name} <strong>{node.relation.label}</strong> {node.relation.object.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={passagesId}>
            <GroupTitle
              id={passagesId}
              label="Passages"
              shown={results.passages.edges.length}
              total={results.passages.totalCount}
            />
            <ul>
              {results.passages.edges.map(({ node }) => (
                <li key={`${node.source.id}-${node.start}`} className="search-results__passage">
                  <AppLink href={readerHref(node.source.id, { start: node.start, end: node.end })}>
                    {node.snippet.text}
                  </AppLink>
                  <p className="quote__source">— {node.source.publisher}</p>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
