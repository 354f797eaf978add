/**
 * The filter panel, generated from the filter descriptors: set filters as checkbox lists
 * (with "only" to keep one value), the minimum of supporting sources as a slider, and the
 * boolean as a checkbox. Every change applies at once.
 */
import {
  clearSetFilter,
  FILTER_DESCRIPTORS,
  filterOptions,
  isFiltered,
  onlyFilterValue,
  resetFilters,
  setHideIsolated,
  setMinSources,
  toggleFilterValue,
  type FilterDescriptor,
  type FilterState,
} from '../../core/filters';
import { useLoadedGraph } from '../../bindings/loaded-graph';

type FilterProducer = (state: FilterState) => FilterState;

interface FilterPanelProps {
  filters: FilterState;
  onChange: (producer: FilterProducer) => void;
}

function SetFilter({
  descriptor,
  filters,
  onChange,
}: FilterPanelProps & { descriptor: Extract<FilterDescriptor, { kind: 'set' }> }) {
  const { data, colors } = useLoadedGraph();
  const options = filterOptions(descriptor.id, data);
  const allValues = options.map((option) => option.value);
  const chosen = filters[descriptor.id];
  const chosenCount = chosen === null ? options.length : chosen.length;
  return (
    <details className="filter" open={descriptor.id !== 'relationTypes' || chosen !== null}>
      <summary>
        <span className="filter__label">{descriptor.label}</span>
        <span className="filter__summary">{chosen === null ? 'all' : `${chosenCount} of ${options.length}`}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{descriptor.label}</legend>
        {chosen !== null && (
          <button type="button" className="link-button" onClick={() => onChange(clearSetFilter(descriptor.id))}>
            Show all {descriptor.label.toLowerCase()}
          </button>
        )}
        <ul className="filter__options">
          {options.map((option) => {
            const checked = chosen === null || chosen.includes(option.value);
            return (
              <li key={option.value} className="filter__option">
                <label title={option.description}>
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => onChange(toggleFilterValue(descriptor.id, option.value, allValues))}
                  />
                  {descriptor.id === 'entityTypes' && (
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
                  onClick={() => onChange(onlyFilterValue(descriptor.id, option.value, allValues))}
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

export function FilterPanel({ filters, onChange }: FilterPanelProps) {
  const { data } = useLoadedGraph();
  const maxSources = Math.max(1, data.sources.length);
  return (
    <div className="filter-panel">
      {FILTER_DESCRIPTORS.map((descriptor) => {
        switch (descriptor.kind) {
          case 'set':
            return <SetFilter key={descriptor.id} descriptor={descriptor} filters={filters} onChange={onChange} />;
          case 'number':
            return (
              <div key={descriptor.id} className="filter filter--inline">
                <label htmlFor="filter-min-sources" className="filter__label">
                  {descriptor.label}
                </label>
                <div className="filter__range">
                  <input
                    id="filter-min-sources"
                    type="range"
                    min={descriptor.min}
                    max={maxSources}
                    step={1}
                    value={filters.minSources}
                    aria-valuetext={`at least ${filters.minSources} of ${maxSources} sources`}
                    onChange={(event) => onChange(setMinSources(Number(event.target.value)))}
                  />
                  <output htmlFor="filter-min-sources">{filters.minSources}</output>
                </div>
              </div>
            );
          case 'boolean':
            return (
              <label key={descriptor.id} className="filter filter--checkbox">
                <input
                  type="checkbox"
                  checked={filters.hideIsolated}
                  onChange={(event) => onChange(setHideIsolated(event.target.checked))}
                />
                {descriptor.label}
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
