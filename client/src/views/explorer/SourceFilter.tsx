/**
 * The source filter at any number of sources: the chosen sources stay listed (checked, each
 * unchecked to drop it), then a bounded page of the others from the API, the most cited first,
 * or those whose title or publisher holds what is typed in the search box; "Show more" asks
 * the next page. Whatever the number of sources, it draws a page of them, never all.
 */
import { useState } from 'react';

import { useSourceChoices } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useDebounced } from '../../bindings/use-debounced';
import { ShowMore } from '../../components/ShowMore';
import {
  clearFilter,
  isChoiceFull,
  onlyFilterValue,
  toggleChosenValue,
  type FilterState,
  type SetFilterDefinition,
  type SetFilterId,
} from '../../core/filters';
import { sourceShortName } from '../../core/graph-data';
import { FilterSearchBox } from './FilterSearchBox';

/** Sources one page of the list shows. */
export const SOURCE_CHOICES = 20;
const DEBOUNCE_MS = 150;

type FilterProducer = (state: FilterState) => FilterState;

interface SourceFilterProps {
  filter: SetFilterDefinition<SetFilterId>;
  filters: FilterState;
  onChange: (producer: FilterProducer) => void;
}

export function SourceFilter({ filter, filters, onChange }: SourceFilterProps) {
  const { data } = useLoadedGraph();
  const [draft, setDraft] = useState('');
  const text = useDebounced(draft.trim(), DEBOUNCE_MS);
  const choices = useSourceChoices(text, SOURCE_CHOICES);
  const chosen = filters[filter.id];
  const allIds = data.sources.map((source) => source.id);
  const total = data.stats.sourceCount;
  const name = (id: string) => {
    const source = data.sourceById.get(id);
    return source ? sourceShortName(source) : id;
  };
  const others = choices.nodes.filter((source) => !chosen?.includes(source.id));
  // The API takes the chosen sources as one list, of bounded length.
  const full = isChoiceFull(chosen);
  const what = text ? `sources matching “${text}”` : 'most cited sources';

  return (
    <details className="filter" open>
      <summary>
        <span className="filter__label">{filter.label}</span>
        <span className="filter__summary">{chosen === null ? 'all' : `${chosen.length} of ${total}`}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{filter.label}</legend>
        {chosen !== null && (
          <button type="button" className="link-button" onClick={() => onChange(clearFilter(filter.id))}>
            Show all {filter.label.toLowerCase()}
          </button>
        )}
        {chosen !== null && chosen.length === 0 && <p className="empty-note">No source chosen: nothing is shown.</p>}
        {chosen !== null && chosen.length > 0 && (
          <ul className="filter__options filter__chosen" aria-label={`Chosen ${filter.label.toLowerCase()}`}>
            {chosen.map((id) => (
              <li key={id} className="filter__option">
                <label title={data.sourceById.get(id)?.title}>
                  <input type="checkbox" checked onChange={() => onChange(toggleChosenValue(filter.id, id))} />
                  <span className="filter__option-label">{name(id)}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FilterSearchBox
          label={`Search ${filter.label.toLowerCase()}`}
          placeholder="Search titles and publishers…"
          value={draft}
          onChange={setDraft}
        />
        {full ? (
          <p className="note note--warning">
            {chosen?.length} sources are chosen, the most at once: uncheck one to choose another.
          </p>
        ) : (
          <p className="hint">Check sources to show only what they support.</p>
        )}
        {choices.error && (
          <p role="alert" className="note note--error">
            Could not search the sources: {choices.error.message}
          </p>
        )}
        {choices.totalCount === 0 && <p className="empty-note">No source matches “{text}”.</p>}
        <ul className="filter__options" aria-label={what.charAt(0).toUpperCase() + what.slice(1)}>
          {others.map((source) => {
            const label = sourceShortName(source);
            return (
              <li key={source.id} className="filter__option">
                <label title={source.title}>
                  <input
                    type="checkbox"
                    checked={false}
                    disabled={full}
                    onChange={() => onChange(toggleChosenValue(filter.id, source.id))}
                  />
                  <span className="filter__option-label">{label}</span>
                  <span className="filter__count" title="Relations it supports">
                    {source.relationCount}
                  </span>
                </label>
                <button
                  type="button"
                  className="link-button filter__only"
                  aria-label={`Show only ${label}`}
                  title={`Show only what ${source.title} supports`}
                  onClick={() => onChange(onlyFilterValue(filter.id, source.id, allIds))}
                >
                  only
                </button>
              </li>
            );
          })}
        </ul>
        <ShowMore list={choices} what={what} />
      </fieldset>
    </details>
  );
}
