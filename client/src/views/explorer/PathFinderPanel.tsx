/**
 * The path finder: two entity pickers, the connecting paths from the API (shortest first),
 * highlighted on the graph and listed hop by hop with the quotes that support each hop.
 */
import type { CombinedError } from 'urql';

import { useEntityDetails } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { CitationQuote } from '../../components/CitationCard';
import { EntityCombobox } from '../../components/EntityCombobox';
import { QueryState } from '../../components/QueryState';
import { TypeBadge } from '../../components/TypeBadge';
import { sourceShortName } from '../../core/graph-data';
import {
  clearPath,
  isPathComplete,
  PATH_MAX_LENGTHS,
  pathCountSummary,
  setPathEnd,
  setPathMaxLength,
  showPath,
  swapPathEnds,
  type PathResult,
  type PathState,
  type PathTotal,
} from '../../core/paths';
import './path-finder.css';

type PathProducer = (path: PathState | null) => PathState | null;

export interface PathFinderPanelProps {
  path: PathState | null;
  paths: readonly PathResult[];
  /** The API's count of every path between the ends (more than `paths` may hold). */
  total: PathTotal | null;
  hasMore: boolean;
  onMore: () => void;
  fetching: boolean;
  error: CombinedError | undefined;
  filtered: boolean;
  onChange: (producer: PathProducer) => void;
  onRetry: () => void;
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
}

const QUOTES_PER_RELATION = 1;

function Hop({
  hop,
  onSelectEntity,
  onSelectRelation,
}: {
  hop: PathResult['hops'][number];
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
}) {
  const { data } = useLoadedGraph();
  const relations = [...hop.relations].sort((a, b) => b.corroboration - a.corroboration);
  return (
    <li className="hop">
      <p className="hop__ends">
        <button type="button" className="entity-link" onClick={() => onSelectEntity(hop.from.id)}>
          {hop.from.name}
        </button>
        <span aria-hidden="true"> — </span>
        <button type="button" className="entity-link" onClick={() => onSelectEntity(hop.to.id)}>
          {hop.to.name}
        </button>
      </p>
      <ul className="hop__relations">
        {relations.map((relation) => (
          <li key={relation.id} className="hop__relation">
            <button type="button" className="relation-link" onClick={() => onSelectRelation(relation.id)}>
              {relation.subject.name} <strong>{relation.label}</strong> {relation.object.name}
              <span className="hop__corroboration">
                {' '}
                · {relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'}
              </span>
            </button>
            <ul className="hop__quotes">
              {relation.citations.slice(0, QUOTES_PER_RELATION).map((citation) => (
                <li key={`${citation.source.id}-${citation.start}`}>
                  <CitationQuote citation={citation} supports={{ kind: 'relation', id: relation.id }} compact />
                  <p className="quote__source">
                    — {sourceShortName(data.sourceById.get(citation.source.id) ?? citation.source)}
                  </p>
                </li>
              ))}
            </ul>
            {relation.citations.length > QUOTES_PER_RELATION && (
              <p className="hop__more">
                {relation.citations.length - QUOTES_PER_RELATION} more{' '}
                {relation.citations.length - QUOTES_PER_RELATION === 1 ? 'quote' : 'quotes'} in its evidence
              </p>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function PathFinderPanel(props: PathFinderPanelProps) {
  const { path, paths, total, hasMore, onMore, fetching, error, filtered, onChange, onRetry } = props;
  const { onSelectEntity, onSelectRelation } = props;
  const { data } = useLoadedGraph();
  // An end outside a bounded view (chosen in the box, or named by a link) is not in the loaded
  // graph: its name comes from the API, as the entity panel asks for it; the id until it answers.
  const asked = (id: string | null | undefined) => (id && !data.entityById.has(id) ? id : '');
  const fromDetails = useEntityDetails(asked(path?.from));
  const toDetails = useEntityDetails(asked(path?.to));
  const name = (id: string | null | undefined, details: typeof fromDetails) => {
    if (!id) return '';
    const answered = details.data?.entity;
    return data.entityById.get(id)?.name ?? (answered?.id === id ? answered.name : id);
  };
  const fromName = name(path?.from, fromDetails);
  const toName = name(path?.to, toDetails);
  const complete = isPathComplete(path);

  return (
    <div className="path-finder">
      <div className="path-finder__ends">
        <EntityCombobox
          label="Path from"
          placeholder="From entity…"
          value={fromName}
          onChoose={(hit) => onChange(setPathEnd('from', hit.id))}
        />
        <button
          type="button"
          className="icon-button"
          aria-label="Swap path ends"
          title="Swap"
          disabled={!path}
          onClick={() => onChange(swapPathEnds())}
        >
          <span aria-hidden="true">⇅</span>
        </button>
        <EntityCombobox
          label="Path to"
          placeholder="To entity…"
          value={toName}
          onChoose={(hit) => onChange(setPathEnd('to', hit.id))}
        />
      </div>
      <div className="inline-field">
        <label>
          Longest path{' '}
          <select
            value={path?.maxLength ?? 3}
            onChange={(event) => onChange(setPathMaxLength(Number(event.target.value)))}
          >
            {PATH_MAX_LENGTHS.map((length) => (
              <option key={length} value={length}>
                {length} {length === 1 ? 'hop' : 'hops'}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link-button" disabled={!path} onClick={() => onChange(clearPath())}>
          Clear
        </button>
      </div>
      {filtered && complete && <p className="note">Paths follow only the relations the filters keep.</p>}

      {!complete && <p className="empty-note">Choose two entities to see how they connect.</p>}
      {complete && (
        <QueryState
          query={{ fetching, error, retry: onRetry }}
          action="find paths"
          found={false}
          loading="Finding paths…"
        />
      )}
      {complete && !fetching && !error && paths.length === 0 && (
        <p className="note">
          No path of up to {path.maxLength} {path.maxLength === 1 ? 'hop' : 'hops'} connects {fromName} and {toName}.
        </p>
      )}
      {complete && paths.length > 0 && (
        <>
          <div className="path-finder__summary">
            <p>
              {pathCountSummary(paths.length, total ?? { count: paths.length, exact: true })} from {fromName} to{' '}
              {toName}
            </p>
            {path.index !== null && (
              <button type="button" className="link-button" onClick={() => onChange(showPath(null))}>
                Show all paths
              </button>
            )}
          </div>
          <ol className="paths" aria-label="Paths">
            {paths.map((result, index) => {
              const shown = path.index === index;
              return (
                <li key={index} className={`path${shown ? ' path--shown' : ''}`}>
                  <div className="path__header">
                    <h3 className="path__title">
                      Path {index + 1} · {result.length} {result.length === 1 ? 'hop' : 'hops'}
                    </h3>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={shown}
                      onClick={() => onChange(showPath(shown ? null : index))}
                    >
                      {shown ? 'Showing alone' : 'Show alone'}
                      <span className="visually-hidden"> path {index + 1}</span>
                    </button>
                  </div>
                  <p className="path__chain">
                    {result.entities.map((entity, position) => (
                      <span key={`${entity.id}-${position}`}>
                        {position > 0 && <span aria-hidden="true"> → </span>}
                        <TypeBadge type={entity.type} compact />
                        {entity.name}
                      </span>
                    ))}
                  </p>
                  <ol className="hops" aria-label={`Hops of path ${index + 1}`}>
                    {result.hops.map((hop, position) => (
                      <Hop
                        key={position}
                        hop={hop}
                        onSelectEntity={onSelectEntity}
                        onSelectRelation={onSelectRelation}
                      />
                    ))}
                  </ol>
                </li>
              );
            })}
          </ol>
          {hasMore && (
            <button type="button" className="secondary-button" disabled={fetching} onClick={onMore}>
              Show more paths
            </button>
          )}
        </>
      )}
    </div>
  );
}
