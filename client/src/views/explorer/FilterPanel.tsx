/**
 * The filter panel, drawn from the filter definitions (core/filters), none by hand: set
 * filters as checkbox lists (with "only" to keep one value, and a box to find one by name
 * past FINDABLE_OPTIONS of them), a searchable one (the sources)
 * as a bounded list the API serves, range filters as sliders, toggles as checkboxes. Every
 * change applies at once.
 */
import { useId, useState } from 'react';

import { useLoadedGraph } from '../../bindings/loaded-graph';
import {
  clearFilter,
  FILTERS,
  FINDABLE_OPTIONS,
  isFiltered,
  onlyFilterValue,
  optionsMatching,
  resetFilters,
  setFilterValue,
  setRangeValue,
  toggleFilterValue,
  type FilterState,
  type RangeFilterDefinition,
  type RangeFilterId,
  type SetFilterDefinition,
  type SetFilterId,
} from '../../core/filters';
import { FilterSearchBox } from './FilterSearchBox';
import { SourceFilter } from './SourceFilter';
import './filter-panel.css';

type FilterProducer = (state: FilterState) => FilterState;

interface FilterPanelProps {
  filters: FilterState;
  onChange: (producer: FilterProducer) => void;
}

function SetFilter({ filter, filters, onChange }: FilterPanelProps & { filter: SetFilterDefinition<SetFilterId> }) {
  const { data, colors } = useLoadedGraph();
  const options = filter.options(data);
  const allValues = options.map((option) => option.value);
  const chosen = filters[filter.id];
  const chosenCount = chosen === null ? options.length : chosen.length;
  const chosenSet = chosen === null ? null : new Set(chosen);
  // A vocabulary of dozens of types: a box finds one by name (the list itself stays whole).
  const findable = options.length > FINDABLE_OPTIONS;
  const [find, setFind] = useState('');
  const shown = findable ? optionsMatching(options, find) : options;
  return (
    <details className="filter" open={!filter.foldedUnlessActive || chosen !== null}>
      <summary>
        <span className="filter__label">{filter.label}</span>
        <span className="filter__summary">{chosen === null ? 'all' : `${chosenCount} of ${options.length}`}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{filter.label}</legend>
        {chosen !== null && (
          <button type="button" className="link-button" onClick={() => onChange(clearFilter(filter.id))}>
            Show all {filter.label.toLowerCase()}
          </button>
        )}
        {findable && (
          <>
            <FilterSearchBox
              label={`Find ${filter.label.toLowerCase()}`}
              placeholder={`Find ${/^[aeiou]/.test(filter.itemNoun) ? 'an' : 'a'} ${filter.itemNoun}…`}
              value={find}
              onChange={setFind}
            />
            {shown.length === 0 && (
              <p className="hint">
                No {filter.itemNoun} matches “{find.trim()}”.
              </p>
            )}
          </>
        )}
        <ul className="filter__options">
          {shown.map((option) => {
            const checked = chosenSet === null || chosenSet.has(option.value);
            return (
              <li key={option.value} className="filter__option">
                <label title={option.description}>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => onChange(toggleFilterValue(filter.id, option.value, allValues))}
                  />
                  {filter.swatches && (
                    <span className="swatch" style={{ background: colors.get(option.value) }} aria-hidden="true" />
                  )}
                  <span className="filter__option-label">{option.label}</span>
                  {option.count !== undefined && <span className="filter__count">{option.count}</span>}
                </label>
                <button
                  type="button"
                  className="link-button filter__only"
                  aria-label={`Show only ${option.label}`}
                  title={`Show only what concerns ${option.description ?? option.label}`}
                  onClick={() => onChange(onlyFilterValue(filter.id, option.value, allValues))}
                >
                  only
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </details>
  );
}

function RangeFilter({
  filter,
  filters,
  onChange,
}: FilterPanelProps & { filter: RangeFilterDefinition<RangeFilterId> }) {
  const { data } = useLoadedGraph();
  const id = useId();
  const value = filters[filter.id];
  const max = filter.max(data);
  return (
    <div className="filter filter--inline">
      <label htmlFor={id} className="filter__label">
        {filter.label}
      </label>
      <div className="filter__range">
        <input
          id={id}
          type="range"
          min={filter.min}
          max={max}
          step={1}
          value={value}
          aria-valuetext={filter.valueText(value, max)}
          onChange={(event) => onChange(setRangeValue(filter.id, Number(event.target.value)))}
        />
        <output htmlFor={id}>{value}</output>
      </div>
    </div>
  );
}

export function FilterPanel({ filters, onChange }: FilterPanelProps) {
  return (
    <div className="filter-panel">
      {FILTERS.map((filter) => {
        switch (filter.kind) {
          case 'set':
            return filter.searchable ? (
              <SourceFilter key={filter.id} filter={filter} filters={filters} onChange={onChange} />
            ) : (
              <SetFilter key={filter.id} filter={filter} filters={filters} onChange={onChange} />
            );
          case 'range':
            return <RangeFilter key={filter.id} filter={filter} filters={filters} onChange={onChange} />;
          case 'time':
            // Drawn under the graph, where the histogram is: the time bar (TimeBar.tsx).
            return null;
          case 'toggle':
            return (
              <label key={filter.id} className="filter filter--checkbox">
                <input
                  type="checkbox"
                  checked={filters[filter.id]}
                  onChange={(event) => onChange(setFilterValue(filter.id, event.target.checked))}
                />
                {filter.label}
              </label>
            );
        }
      })}
      <button
        type="button"
        className="secondary-button"
        disabled={!isFiltered(filters)}
        onClick={() => onChange(resetFilters())}
      >
        Reset filters
      </button>
    </div>
  );
}
