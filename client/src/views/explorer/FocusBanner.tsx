/** Says the canvas shows one entity's neighbourhood, lets the depth change, and leads back. */
import { NEIGHBORHOOD_LIMIT, type NeighborhoodResult } from '../../api/use-neighborhood';
import { FOCUS_DEPTHS, type FocusState } from '../../core/focus';
import './explorer.css';

interface FocusBannerProps {
  focus: FocusState;
  name: string;
  neighborhood: NeighborhoodResult;
  /** How many of the neighbourhood's entities the view holds, when not all (a bounded view). */
  inView: { shown: number; total: number } | null;
  /** True while a bounded view brings the neighbourhood in (bindings/use-expansions). */
  bringingIn: boolean;
  onDepth: (depth: number) => void;
  onLeave: () => void;
}

export function FocusBanner({ focus, name, neighborhood, inView, bringingIn, onDepth, onLeave }: FocusBannerProps) {
  return (
    <section className="focus-banner" aria-label="Focus" data-canvas-overlay>
      <p>
        Neighbourhood of <strong>{name}</strong>
      </p>
      <label>
        <span className="visually-hidden">Neighbourhood depth</span>
        <select value={focus.depth} onChange={(event) => onDepth(Number(event.target.value))}>
          {FOCUS_DEPTHS.map((depth) => (
            <option key={depth} value={depth}>
              {depth} {depth === 1 ? 'hop' : 'hops'}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary-button" onClick={onLeave}>
        Show whole graph
      </button>
      {(neighborhood.fetching || bringingIn) && <span className="loading-note">Loading…</span>}
      {neighborhood.truncated && (
        <span className="note note--warning">Cut at {NEIGHBORHOOD_LIMIT.toLocaleString('en')} relations.</span>
      )}
      {inView && !bringingIn && (
        <span className="note" data-neighbourhood-in-view>
          {inView.shown.toLocaleString('en')} of its {inView.total.toLocaleString('en')} entities are in the view;
          expand one to bring its neighbours in.
        </span>
      )}
      {neighborhood.error && (
        <span role="alert" className="note note--error">
          Could not load the neighbourhood (
          {neighborhood.error.networkError ? 'API unreachable' : neighborhood.error.message}).{' '}
          <button type="button" className="link-button" onClick={neighborhood.retry}>
            Retry
          </button>
        </span>
      )}
    </section>
  );
}
