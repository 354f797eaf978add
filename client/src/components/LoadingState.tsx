import type { LoadProgress } from '../api/load-graph';
import './state-screen.css';

/** Shown while the graph (or a page's code) loads: says what is happening, never a blank page. */
export function LoadingState({ progress, what = 'the graph' }: { progress: LoadProgress | null; what?: string }) {
  const detail =
    progress && progress.entityTotal !== null && progress.relationTotal !== null
      ? `Loading ${progress.entities} / ${progress.entityTotal} entities and ${progress.relations} / ${progress.relationTotal} relations…`
      : `Loading ${what}…`;
  return (
    <main className="state-screen">
      <div role="progressbar" aria-label={`Loading ${what}`} aria-valuetext={detail} className="state-screen__box">
        <span className="spinner" aria-hidden="true" />
        <p>{detail}</p>
      </div>
    </main>
  );
}
