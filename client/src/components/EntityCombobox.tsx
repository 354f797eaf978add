/**
 * An entity picker with autocomplete over names and aliases (Query.search), following the
 * ARIA combobox pattern: arrows move through results, Enter chooses (the best match when
 * none is highlighted), Escape closes.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useClient, useQuery } from 'urql';

import { SearchEntitiesDocument, type SearchEntitiesQuery } from '../api/generated/graphql';
import { TypeBadge } from './TypeBadge';

export type SearchHit = SearchEntitiesQuery['search'][number];

const DEBOUNCE_MS = 150;
const RESULT_COUNT = 8;

interface EntityComboboxProps {
  /** Accessible label, such as "Search entities". */
  label: string;
  placeholder?: string;
  /** The chosen entity's name, for pickers that show their value; omit for a search box. */
  value?: string;
  onChoose: (hit: SearchHit) => void;
  className?: string;
}

/** The alias that matched, when the name itself does not contain the text. */
function matchedAlias(hit: SearchHit, text: string): string | null {
  const needle = text.trim().toLowerCase();
  if (!needle || hit.name.toLowerCase().includes(needle)) return null;
  return hit.aliases.find((alias) => alias.toLowerCase().includes(needle)) ?? null;
}

export function EntityCombobox({ label, placeholder, value, onChoose, className }: EntityComboboxProps) {
  const client = useClient();
  const id = useId();
  const listId = `${id}-results`;
  const [draft, setDraft] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = draft ?? value ?? '';

  useEffect(() => {
    const next = (draft ?? '').trim();
    const timer = setTimeout(() => setQuery(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const [{ data, fetching, error }] = useQuery({
    query: SearchEntitiesDocument,
    variables: { text: query, first: RESULT_COUNT },
    pause: query.length === 0,
  });
  const hits = query.length > 0 ? (data?.search ?? []) : [];
  const settled = !fetching && query === (draft ?? '').trim();
  const expanded = open && query.length > 0;

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    setDraft(value === undefined ? hit.name : null);
    setQuery('');
    onChoose(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(hits.length - 1, index + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(-1, index - 1));
        break;
      case 'Enter': {
        const typed = (draft ?? '').trim();
        if (!typed) break;
        event.preventDefault();
        const hit = hits[active >= 0 ? active : 0];
        if (expanded && hit && settled) {
          choose(hit);
          break;
        }
        // Typed faster than the autocomplete: ask now and take the best match.
        void client
          .query(SearchEntitiesDocument, { text: typed, first: RESULT_COUNT })
          .toPromise()
          .then((result) => {
            const best = result.data?.search[0];
            if (best) choose(best);
            else setOpen(true);
          });
        break;
      }
      case 'Escape':
        if (open) setOpen(false);
        else setDraft(null);
        setActive(-1);
        break;
    }
  };

  const activeId = expanded && active >= 0 && active < hits.length ? `${listId}-${active}` : undefined;

  return (
    <div className={`combobox ${className ?? ''}`}>
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setDraft(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={(event) => event.target.select()}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: results`} className="combobox__results" hidden={!expanded}>
        {hits.map((hit, index) => {
          const alias = matchedAlias(hit, query);
          return (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(hit)}
            >
              <span className="combobox__name">{hit.name}</span>
              <TypeBadge type={hit.type} />
              {alias && <span className="combobox__alias">also “{alias}”</span>}
            </li>
          );
        })}
        {expanded && settled && hits.length === 0 && !error && (
          <li role="option" aria-selected={false} aria-disabled="true" className="combobox__empty">
            No entity matches “{query}”.
          </li>
        )}
        {expanded && error && (
          <li role="option" aria-selected={false} aria-disabled="true" className="combobox__empty">
            Search failed: {error.networkError ? 'the API cannot be reached' : error.message}.
          </li>
        )}
      </ul>
    </div>
  );
}
