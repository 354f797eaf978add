/**
 * One citation: the verbatim quote and where it comes from. The quote is a link into the
 * source reader at its offsets, so every quote can be read in context in one click.
 */
import { useId } from 'react';

import type { CitationDetailsFragment } from '../api/generated/graphql';
import { readerHref, type ReaderItem } from '../core/routing';
import { sameSpan, type Span } from '../core/source-text';
import { AppLink } from './AppLink';
import { Attribution } from './Attribution';
import './provenance.css';

type QuoteCitation = Pick<CitationDetailsFragment, 'quote' | 'start' | 'end'> & { source: { id: string } };

/** Where the reader is, so a list of citations can say which one is being read. */
export interface ReadingPosition extends Span {
  sourceId: string;
}

export function CitationQuote({
  citation,
  supports = null,
  compact = false,
  current = false,
}: {
  citation: QuoteCitation;
  /** What the citation supports: the reader opens it beside the text. */
  supports?: ReaderItem | null;
  compact?: boolean;
  /** This is the passage the reader shows now. */
  current?: boolean;
}) {
  const hintId = useId();
  const href = readerHref(citation.source.id, { start: citation.start, end: citation.end }, supports);
  return (
    <>
      <blockquote
        className={`quote${compact ? ' quote--compact' : ''}${current ? ' quote--current' : ''}`}
        data-start={citation.start}
        data-end={citation.end}
      >
        <AppLink
          className="quote__link"
          href={href}
          aria-describedby={hintId}
          aria-current={current ? 'location' : undefined}
          title="Read it in context, highlighted in its source"
        >
          {citation.quote}
        </AppLink>
      </blockquote>
      <span id={hintId} className="visually-hidden">
        {current ? 'The passage shown in the reader.' : 'Opens the source at this quote.'}
      </span>
    </>
  );
}

export function SourceMeta({ source }: { source: CitationDetailsFragment['source'] }) {
  const parts = [source.publisher, source.author, source.published].filter((part): part is string => Boolean(part));
  return <p className="source-meta">{parts.length > 0 ? parts.join(' · ') : 'Publisher not named in the text'}</p>;
}

/** Citations grouped by source, in the order the API gives (one heading per source). */
export function CitationsBySource({
  citations,
  supports = null,
  current = null,
  headingLevel = 3,
}: {
  citations: readonly CitationDetailsFragment[];
  supports?: ReaderItem | null;
  current?: ReadingPosition | null;
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
              <div key={`${citation.start}-${citation.end}`} className="citation__item">
                <Attribution citation={citation} />
                <CitationQuote
                  citation={citation}
                  supports={supports}
                  current={current !== null && current.sourceId === source.id && sameSpan(current, citation)}
                />
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
