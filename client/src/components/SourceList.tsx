import { sourceShortName } from '../core/graph-data';

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

/** "Supported by 2 of 5 sources", with one pip per source so single-source facts stand out. */
export function Corroboration({ count, total }: { count: number; total: number }) {
  return (
    <p className={`corroboration${count <= 1 ? ' corroboration--single' : ''}`}>
      <span className="corroboration__pips" aria-hidden="true">
        {Array.from({ length: total }, (_, index) => (
          <span key={index} className={index < count ? 'pip pip--on' : 'pip'} />
        ))}
      </span>
      Supported by {count} of {total} {total === 1 ? 'source' : 'sources'}
    </p>
  );
}
