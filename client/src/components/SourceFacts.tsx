import type { SourceInfo } from '../core/graph-data';
import './source-facts.css';

const NOT_STATED = 'not stated in the text';

/** A source's publisher, author, date and kind, saying so where the text names none (sources page, reader). */
export function SourceFactsList({
  source,
}: {
  source: Pick<SourceInfo, 'publisher' | 'author' | 'published' | 'kind'>;
}) {
  const facts: [string, string | null][] = [
    ['Publisher', source.publisher],
    ['Author', source.author],
    ['Published', source.published],
    ['Kind', source.kind.replace(/_/g, ' ')],
  ];
  return (
    <dl className="source-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="source-facts__row">
          <dt>{label}</dt>
          <dd className={value === null ? 'source-facts__missing' : undefined}>{value ?? NOT_STATED}</dd>
        </div>
      ))}
    </dl>
  );
}
