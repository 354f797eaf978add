/**
 * A source's text cut into marked spans, from the citations' offsets alone (the quotes are
 * never searched for: a quote that occurs twice would be marked in the wrong place).
 *
 * Offsets are UTF-16 indices, end exclusive, as the API gives them:
 * `text.slice(start, end) === quote`. Cited spans overlap and nest (a sentence cited for one
 * relation, a clause of it for another), so the text is split at every span boundary; each
 * piece knows every span that covers it.
 */

export interface Span {
  start: number;
  end: number;
}

/** One distinct cited span and the citations that cite exactly it (one span can support several facts). */
export interface CitedSpan<C extends Span = Span> extends Span {
  citations: C[];
}

/** A piece of the text between two consecutive span boundaries. */
export interface TextSegment extends Span {
  text: string;
  /** Indices (into the spans given) of the spans that cover this piece; empty for plain text. */
  spans: number[];
}

export const sameSpan = (a: Span | null, b: Span | null): boolean =>
  a !== null && b !== null && a.start === b.start && a.end === b.end;

/** "120-250" → { start: 120, end: 250 }; null for anything else (negative, empty, reversed). */
export function parseSpan(value: string | null | undefined): Span | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start < end ? { start, end } : null;
}

export function formatSpan(span: Span): string {
  return `${span.start}-${span.end}`;
}

/** True when the span lies inside a text of this length and is not empty. */
export function isSpanInText(span: Span, textLength: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= textLength
  );
}

/**
 * Citations grouped by the exact span they cite, in reading order: by start, and the wider
 * span first when two start together (the sentence before the clause inside it).
 */
export function citedSpans<C extends Span>(citations: readonly C[]): CitedSpan<C>[] {
  const bySpan = new Map<string, CitedSpan<C>>();
  for (const citation of citations) {
    const key = formatSpan(citation);
    const span = bySpan.get(key);
    if (span) span.citations.push(citation);
    else bySpan.set(key, { start: citation.start, end: citation.end, citations: [citation] });
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Cuts `text` at every boundary of the spans that lie inside it (others are ignored), so
 * that each piece is covered by a fixed set of spans. The pieces, in order, join back into
 * the text. Cost: O(b·s) for b boundaries and s spans; an article has a few hundred spans.
 */
export function segmentText(text: string, spans: readonly Span[]): TextSegment[] {
  const usable = spans.map((span, index) => ({ span, index })).filter(({ span }) => isSpanInText(span, text.length));
  const boundaries = new Set<number>([0, text.length]);
  for (const { span } of usable) {
    boundaries.add(span.start);
    boundaries.add(span.end);
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = usable.filter(({ span }) => span.start <= start && span.end >= end).map(({ index }) => index);
    segments.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return segments;
}

/** The narrowest span covering a piece: what a click on that piece most likely means. */
export function innermostSpan(segment: TextSegment, spans: readonly Span[]): number | null {
  let best: number | null = null;
  for (const index of segment.spans) {
    const span = spans[index];
    const bestSpan = best === null ? undefined : spans[best];
    if (span && (!bestSpan || span.end - span.start < bestSpan.end - bestSpan.start)) best = index;
  }
  return best;
}

/**
 * The pieces before, inside and after one span. The span's own boundaries are cuts, so no
 * piece straddles it; the pieces inside can be wrapped in one element whose text is exactly
 * `text.slice(span.start, span.end)`.
 */
export function splitAroundSpan(
  segments: readonly TextSegment[],
  span: Span | null,
): { before: TextSegment[]; inside: TextSegment[]; after: TextSegment[] } {
  if (!span) return { before: [...segments], inside: [], after: [] };
  return {
    before: segments.filter((segment) => segment.end <= span.start),
    inside: segments.filter((segment) => segment.start >= span.start && segment.end <= span.end),
    after: segments.filter((segment) => segment.start >= span.end),
  };
}

/**
 * The span `step` places after (or before, when negative) the current one, staying within
 * the list: from no current span, forward starts at the first and backward at the last.
 */
export function stepSpan(count: number, current: number | null, step: number): number | null {
  if (count === 0) return null;
  if (current === null || current < 0) return step >= 0 ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, current + step));
}
