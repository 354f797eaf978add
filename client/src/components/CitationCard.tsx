/** One citation: the verbatim quote and where it comes from. */
import type { CitationDetailsFragment } from '../api/generated/graphql';

export function CitationQuote({ citation }: { citation: Pick<CitationDetailsFragment, 'quote' | 'start' | 'end'> }) {
  return (
    <blockquote className="quote" data-start={citation.start} data-end={citation.end}>
      {citation.quote}
    </blockquote>
  );
}

export function SourceMeta({ source }: { source: CitationDetailsFragment['source'] }) {
  const parts = [source.publisher, source.author, source.published].filter((part): part is string => Boolean(part));
  return <p className="source-meta">{parts.length > 0 ? parts.join(' · ') : 'Publisher not named in the text'}</p>;
}

/** Citations grouped by source, in the order the API gives (one heading per source). */
export function CitationsBySource({
  citations,
  headingLevel = 3,
}: {
  citations: readonly CitationDetailsFragment[];
  headingLevel?: 3 | 4;
}) {
  const groups = new Map<string, CitationDetailsFragment[]>();
  for (const citation of citations) {
    const group = groups.get(citation.source.id);
    if (group) group.push(citation);
    else groups.set(citation.source.id, [citation]);
  }
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ol className="citations" aria-label="Citations">
      {[...groups.values()].map((group) => {
        const source = group[0]!.source;
        return (
          <li key={source.id} className="citation">
            <Heading className="citation__title">{source.title}</Heading>
            <SourceMeta source={source} />
            {group.map((citation) => (
              <CitationQuote key={`${citation.start}-${citation.end}`} citation={citation} />
            ))}
          </li>
        );
      })}
    </ol>
  );
}
