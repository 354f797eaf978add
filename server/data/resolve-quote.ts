/**
 * Resolving a citation's quote to its place in the source text. A quote must occur
 * verbatim; when it occurs more than once the curator says which with `occurrence`.
 */

export type QuoteResolution =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'no-such-occurrence'; count: number };

/** All start indices of `quote` in `text`, overlapping matches included. */
export function findOccurrences(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (quote.length === 0) return starts;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** `occurrence` is 1-based, in reading order. */
export function resolveQuote(text: string, quote: string, occurrence?: number): QuoteResolution {
  const starts = findOccurrences(text, quote);
  if (starts.length === 0) return { ok: false, reason: 'not-found', count: 0 };
  if (occurrence === undefined) {
    if (starts.length > 1) return { ok: false, reason: 'ambiguous', count: starts.length };
    return { ok: true, start: starts[0]!, end: starts[0]! + quote.length };
  }
  const start = starts[occurrence - 1];
  if (start === undefined) return { ok: false, reason: 'no-such-occurrence', count: starts.length };
  return { ok: true, start, end: start + quote.length };
}
