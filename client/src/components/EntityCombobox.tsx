/**
 * An entity picker with autocomplete over names and aliases (Query.search), following the
 * ARIA combobox pattern (core/search): arrows move through results, Enter chooses (the
 * highlighted option, else the best match), Escape closes the list and a second Escape
 * clears the text.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchEntitiesQuery } from '../api/generated/graphql';
import { useEntitySearch } from '../api/queries';
import { comboboxKeyAction } from '../core/search';
import { TypeBadge } from './TypeBadge';
import './combobox.css';

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

  const { data, fetching, error, searchNow } = useEntitySearch(query, RESULT_COUNT);
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
    const typed = (draft ?? '').trim();
    const action = comboboxKeyAction(event.key, {
      open,
      editing: draft !== null,
      typed,
      active,
      hitCount: hits.length,
      settled,
    });
    if (action.kind === 'none') return;
    // Also keeps Chromium from clearing an <input type="search"> on the first Escape.
    event.preventDefault();
    switch (action.kind) {
      case 'highlight':
        setOpen(true);
        setActive(action.index);
        break;
      case 'choose': {
        const hit = hits[action.index];
        if (hit) choose(hit);
        break;
      }
      case 'choose-best-match':
        // Typed faster than the autocomplete: ask now and take the best match.
        void searchNow(typed).then((found) => {
          const best = found[0];
          if (best) choose(best);
          else setOpen(true);
        });
        break;
      case 'close':
        setOpen(false);
        setActive(-1);
        break;
      case 'clear':
        setDraft(null);
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
