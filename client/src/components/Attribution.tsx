/**
 * Who says so and how sure: the line before a quote that an article puts in someone's mouth
 * ("CBC News, quoting Colin Clarke (Soufan Center):") and the hedge it puts on it
 * ("reportedly"). A quote in the article's own voice, unhedged, gets no line: silence means
 * the article states it itself.
 */
import type { CitationDetailsFragment } from '../api/generated/graphql';

type AttributedCitation = Pick<CitationDetailsFragment, 'attributedTo' | 'hedge'> & {
  source: Pick<CitationDetailsFragment['source'], 'publisher' | 'title'>;
};

/** "CBC News, quoting Colin Clarke (Soufan Center)", or null for the article's own voice. */
export function attributionText(citation: AttributedCitation): string | null {
  const speaker = citation.attributedTo;
  if (!speaker) return null;
  const publisher = citation.source.publisher ?? citation.source.title;
  const affiliation = speaker.affiliation ? ` (${speaker.affiliation.name})` : '';
  return `${publisher}, quoting ${speaker.name}${affiliation}`;
}

export function Attribution({ citation }: { citation: AttributedCitation }) {
  const text = attributionText(citation);
  const hedge = citation.hedge;
  if (!text && !hedge) return null;
  return (
    <p className="attribution">
      {text && <span className="attribution__speaker">{text}:</span>}
      {hedge && (
        <span className="tag tag--hedge" title={hedge.description}>
          <span className="visually-hidden">The article hedges this: </span>
          {hedge.label}
        </span>
      )}
    </p>
  );
}
