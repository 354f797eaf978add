import { boundedPips } from '../core/bounded-view';
import { sourceShortName } from '../core/graph-data';
import './provenance.css';

/** Supporting sources as short chips (publisher, else title); the full title on hover. */
export function SourceChips({
  sources,
}: {
  sources: readonly { id: string; title: string; publisher: string | null }[];
}) {
  return (
    <ul className="source-chips" aria-label="Sources">
      {sources.map((source) => (
        <li key={source.id} className="source-chip" title={source.title}>
          {sourceShortName(source)}
        </li>
      ))}
    </ul>
  );
}

/** One pip per source (at most MAX_PIPS), filled for each that supports the fact; single-source facts in amber. */
export function CorroborationPips({ count, total }: { count: number; total: number }) {
  const { pips, filled } = boundedPips(count, total);
  return (
    <span className={`corroboration__pips${count <= 1 ? ' corroboration__pips--single' : ''}`} aria-hidden="true">
      {Array.from({ length: pips }, (_, index) => (
        <span key={index} className={index < filled ? 'pip pip--on' : 'pip'} />
      ))}
    </span>
  );
}

/** "Supported by 2 of 5 sources", with one pip per source so single-source facts stand out. */
export function Corroboration({ count, total }: { count: number; total: number }) {
  return (
    <p className={`corroboration${count <= 1 ? ' corroboration--single' : ''}`}>
      <CorroborationPips count={count} total={total} />
      Supported by {count} of {total} {total === 1 ? 'source' : 'sources'}
    </p>
  );
}
