/**
 * Source comparison: two labelled source pickers, then the relations only the first
 * supports, only the second, and both (Query.compareSources), as three paged lists with
 * their totals; the graph colours the same three sets among the relations it has loaded.
 */
import { useId, useState } from 'react';

import type { ComparedRelationsFragment } from '../../api/generated/graphql';
import { useSourceChoices } from '../../api/queries';
import type { ComparisonResult } from '../../api/use-comparison';
import type { PagedList } from '../../api/use-paged-list';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useDebounced } from '../../bindings/use-debounced';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { CorroborationPips } from '../../components/SourceList';
import {
  clearCompare,
  isCompareComplete,
  setCompareSource,
  swapCompareSources,
  type CompareSide,
  type CompareState,
} from '../../core/comparison';
import { sourceShortName } from '../../core/graph-data';
import { COMPARE_COLORS } from '../../core/highlight';
import './compare.css';

type CompareProducer = (compare: CompareState | null) => CompareState | null;

interface ComparePanelProps {
  compare: CompareState | null;
  result: ComparisonResult;
  onChange: (producer: CompareProducer) => void;
  onSelectRelation: (id: string) => void;
}

/** Sources one picker offers at a time: the most cited, or those matching its search box. */
const PICKER_CHOICES = 20;
const SEARCH_DEBOUNCE_MS = 150;

/**
 * A source picker that stays small at any number of sources: a search box over titles and
 * publishers (Query.sources) narrows a list of at most PICKER_CHOICES, the most cited first.
 */
function SourcePicker({
  label,
  side,
  value,
  onChange,
}: {
  label: string;
  side: 'a' | 'b';
  value: string | null;
  onChange: (producer: CompareProducer) => void;
}) {
  const { data } = useLoadedGraph();
  const id = useId();
  const [draft, setDraft] = useState('');
  const text = useDebounced(draft.trim(), SEARCH_DEBOUNCE_MS);
  const choices = useSourceChoices(text, PICKER_CHOICES);
  const chosen = value ? data.sourceById.get(value) : undefined;
  const options = choices.nodes.filter((source) => source.id !== value);
  const more = choices.totalCount !== null && choices.totalCount > choices.nodes.length;
  const optionLabel = (source: { title: string; publisher: string | null }) =>
    `${sourceShortName(source)}${source.publisher ? ` — ${source.title}` : ''}`;
  return (
    <div className="compare__picker">
      <label htmlFor={id}>
        <span className="compare__key" style={{ background: COMPARE_COLORS[side] }} aria-hidden="true" />
        {label}
      </label>
      {data.stats.sourceCount > PICKER_CHOICES && (
        <input
          type="search"
          aria-label={`Search for ${label.toLowerCase()}`}
          placeholder="Search titles and publishers…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      )}
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(setCompareSource(side, event.target.value || null))}
      >
        <option value="">Choose a source…</option>
        {value && <option value={value}>{chosen ? optionLabel(chosen) : value}</option>}
        {options.map((source) => (
          <option key={source.id} value={source.id}>
            {optionLabel(source)}
          </option>
        ))}
        {more && (
          <option value="" disabled>
            {choices.nodes.length} of {choices.totalCount}: search to find the others
          </option>
        )}
      </select>
    </div>
  );
}

type ComparedPart = PagedList<unknown, ComparedRelationsFragment['edges'][number]['node']>;

/** One part of the comparison, a page at a time in the API's order (by id), with its total. */
function RelationList({
  side,
  title,
  part,
  onSelectRelation,
}: {
  side: CompareSide;
  title: string;
  part: ComparedPart;
  onSelectRelation: (id: string) => void;
}) {
  const { data } = useLoadedGraph();
  const titleId = useId();
  return (
    <section className={`compare__list compare__list--${side}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="compare__key" style={{ background: COMPARE_COLORS[side] }} aria-hidden="true" />
        {title} <span className="count">{part.totalCount ?? '…'}</span>
      </h3>
      {part.totalCount === 0 ? (
        <p className="empty-note">None.</p>
      ) : (
        <ul className="compare__relations">
          {part.nodes.map((relation) => (
            <li key={relation.id}>
              <button
                type="button"
                className="compare__relation"
                data-relation-id={relation.id}
                onClick={() => onSelectRelation(relation.id)}
              >
                <span>
                  {relation.subject.name} <em>{relation.label}</em> {relation.object.name}
                </span>
                <CorroborationPips count={relation.corroboration} total={data.stats.sourceCount} />
                <span className="visually-hidden">
                  , {relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ShowMore list={part} what="relations" />
    </section>
  );
}

export function ComparePanel({ compare, result, onChange, onSelectRelation }: ComparePanelProps) {
  const { data } = useLoadedGraph();
  const short = (id: string | null) => {
    const source = id ? data.sourceById.get(id) : undefined;
    return source ? sourceShortName(source) : '';
  };
  const complete = isCompareComplete(compare);
  const { onlyA, onlyB, both } = result.parts;
  const totals = [onlyA.totalCount, onlyB.totalCount, both.totalCount];
  const counted = totals.every((total) => total !== null);
  return (
    <div className="compare">
      <p className="hint">
        Choose two sources: the graph colours the relations only one of them supports, and those both support.
      </p>
      <div className="compare__pickers">
        <SourcePicker label="Source A" side="a" value={compare?.a ?? null} onChange={onChange} />
        <SourcePicker label="Source B" side="b" value={compare?.b ?? null} onChange={onChange} />
      </div>
      <div className="inline-field">
        <button
          type="button"
          className="secondary-button"
          disabled={!compare}
          onClick={() => onChange(swapCompareSources())}
        >
          Swap A and B
        </button>
        <button type="button" className="link-button" disabled={!compare} onClick={() => onChange(clearCompare())}>
          Stop comparing
        </button>
      </div>
      {compare && compare.a !== null && compare.a === compare.b && (
        <p className="note note--warning">Source A and source B are the same: choose two different sources.</p>
      )}
      {!complete && !(compare?.a && compare.a === compare.b) && (
        <p className="empty-note">Choose two sources to compare what they support.</p>
      )}
      {complete &&
        [onlyA, onlyB, both].map((part, index) => (
          <QueryState key={index} query={part} action="compare the sources" found={counted} loading="Comparing…" />
        ))}
      {complete && counted && (
        <>
          <p className="compare__summary">
            {short(compare.a)} supports {onlyA.totalCount! + both.totalCount!} relations, {short(compare.b)}{' '}
            {onlyB.totalCount! + both.totalCount!}; they share {both.totalCount}.
          </p>
          <RelationList
            side="a"
            title={`Only in ${short(compare.a)}`}
            part={onlyA}
            onSelectRelation={onSelectRelation}
          />
          <RelationList
            side="b"
            title={`Only in ${short(compare.b)}`}
            part={onlyB}
            onSelectRelation={onSelectRelation}
          />
          <RelationList side="both" title="In both" part={both} onSelectRelation={onSelectRelation} />
        </>
      )}
    </div>
  );
}
