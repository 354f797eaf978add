/**
 * Source comparison: two labelled source pickers, then the relations only the first
 * supports, only the second, and both (Query.compareSources), as three lists; the graph
 * colours the same three sets.
 */
import { useId } from 'react';

import type { ComparisonResult } from '../../api/use-comparison';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { QueryState } from '../../components/QueryState';
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
  return (
    <div className="compare__picker">
      <label htmlFor={id}>
        <span className="compare__key" style={{ background: COMPARE_COLORS[side] }} aria-hidden="true" />
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(setCompareSource(side, event.target.value || null))}
      >
        <option value="">Choose a source…</option>
        {data.sources.map((source) => (
          <option key={source.id} value={source.id}>
            {sourceShortName(source)}
            {source.publisher ? ` — ${source.title}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function RelationList({
  side,
  title,
  ids,
  onSelectRelation,
}: {
  side: CompareSide;
  title: string;
  ids: readonly string[];
  onSelectRelation: (id: string) => void;
}) {
  const { data } = useLoadedGraph();
  const titleId = useId();
  const name = (id: string) => data.entityById.get(id)?.name ?? id;
  const relations = ids
    .map((id) => data.relationById.get(id))
    .filter((relation) => relation !== undefined)
    .sort(
      (a, b) =>
        b.corroboration - a.corroboration ||
        name(a.subjectId).localeCompare(name(b.subjectId)) ||
        a.label.localeCompare(b.label),
    );
  return (
    <section className={`compare__list compare__list--${side}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="compare__key" style={{ background: COMPARE_COLORS[side] }} aria-hidden="true" />
        {title} <span className="count">{ids.length}</span>
      </h3>
      {relations.length === 0 ? (
        <p className="empty-note">None.</p>
      ) : (
        <ul className="compare__relations">
          {relations.map((relation) => (
            <li key={relation.id}>
              <button
                type="button"
                className="compare__relation"
                data-relation-id={relation.id}
                onClick={() => onSelectRelation(relation.id)}
              >
                <span>
                  {name(relation.subjectId)} <em>{relation.label}</em> {name(relation.objectId)}
                </span>
                <CorroborationPips count={relation.corroboration} total={data.sources.length} />
                <span className="visually-hidden">
                  , {relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
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
  const comparison = result.comparison;
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
      {complete && (
        <QueryState query={result} action="compare the sources" found={comparison !== null} loading="Comparing…" />
      )}
      {complete && comparison && (
        <>
          <p className="compare__summary">
            {short(compare.a)} supports {comparison.onlyA.length + comparison.both.length} relations, {short(compare.b)}{' '}
            {comparison.onlyB.length + comparison.both.length}; they share {comparison.both.length}.
          </p>
          <RelationList
            side="a"
            title={`Only in ${short(compare.a)}`}
            ids={comparison.onlyA.map((relation) => relation.id)}
            onSelectRelation={onSelectRelation}
          />
          <RelationList
            side="b"
            title={`Only in ${short(compare.b)}`}
            ids={comparison.onlyB.map((relation) => relation.id)}
            onSelectRelation={onSelectRelation}
          />
          <RelationList
            side="both"
            title="In both"
            ids={comparison.both.map((relation) => relation.id)}
            onSelectRelation={onSelectRelation}
          />
        </>
      )}
    </div>
  );
}
