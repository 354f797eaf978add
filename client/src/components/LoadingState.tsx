import type { LoadProgress } from '../api/load-graph';
import './state-screen.css';

/** Shown while the graph loads: says what is happening, never a blank page. */
export function LoadingState({ progress }: { progress: LoadProgress | null }) {
  const detail =
    progress && progress.entityTotal !== null && progress.relationTotal !== null
      ? `Loading ${progress.entities} / ${progress.entityTotal} entities and ${progress.relations} / ${progress.relationTotal} relations…`
      : 'Loading the graph…';
  return (
    <main className="state-screen">
      <div role="progressbar" aria-label="Loading the graph" aria-valuetext={detail} className="state-screen__box">
        <span className="spinner" aria-hidden="true" />
        <p>{detail}</p>
      </div>
    </main>
  );
}
