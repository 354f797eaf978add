import {
  citedSpans,
  formatSpan,
  innermostSpan,
  parseSpan,
  segmentText,
  splitAroundSpan,
  stepSpan,
  type Span,
} from '../../client/src/core/source-text';

//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345
const text = 'ISIS-K is the regional affiliate of Isis. Yes.';
const affiliate: Span = { start: 14, end: 40 }; // "regional affiliate of Isis"
const region: Span = { start: 14, end: 22 }; // "regional", nested in the first
const crossing: Span = { start: 0, end: 22 }; // "ISIS-K is the regional", crosses into the first

const covered = (segments: ReturnType<typeof segmentText>) => segments.map((segment) => [segment.text, segment.spans]);

describe('source text segmentation', () => {
  it('plain text without spans is one unmarked piece', () => {
    expect(covered(segmentText(text, []))).toEqual([[text, []]]);
  });

  it('one span cuts the text into before, the quote, and after', () => {
    expect(covered(segmentText(text, [affiliate]))).toEqual([
      ['ISIS-K is the ', []],
      ['regional affiliate of Isis', [0]],
      ['. Yes.', []],
    ]);
  });

  it('a nested span splits its outer span, and the shared piece knows both', () => {
    expect(covered(segmentText(text, [affiliate, region]))).toEqual([
      ['ISIS-K is the ', []],
      ['regional', [0, 1]],
      [' affiliate of Isis', [0]],
      ['. Yes.', []],
    ]);
  });

  it('crossing spans are cut at every boundary, and the pieces join back into the text', () => {
    const segments = segmentText(text, [affiliate, crossing]);
    expect(covered(segments)).toEqual([
      ['ISIS-K is the ', [1]],
      ['regional', [0, 1]],
      [' affiliate of Isis', [0]],
      ['. Yes.', []],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    for (const segment of segments) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
  });

  it('identical spans cover the same pieces, and spans outside the text are left out', () => {
    const segments = segmentText(text, [affiliate, { ...affiliate }, { start: 40, end: 400 }, { start: 9, end: 9 }]);
    expect(covered(segments)).toEqual([
      ['ISIS-K is the ', []],
      ['regional affiliate of Isis', [0, 1]],
      ['. Yes.', []],
    ]);
  });

  it('offsets are UTF-16 indices: text after an emoji or accents is cut where the API says', () => {
    const accented = 'Café 🙂 — Haqqani’s bounty';
    const start = accented.indexOf('Haqqani');
    const [, quote] = segmentText(accented, [{ start, end: accented.length }]);
    expect(quote?.text).toBe('Haqqani’s bounty');
  });

  it('a click on a piece chooses the narrowest span covering it', () => {
    const spans = [affiliate, region, crossing];
    const segments = segmentText(text, spans);
    const shared = segments.find((segment) => segment.text === 'regional')!;
    expect(innermostSpan(shared, spans)).toBe(1);
    const tail = segments.find((segment) => segment.text === ' affiliate of Isis')!;
    expect(innermostSpan(tail, spans)).toBe(0);
    expect(innermostSpan(segments.at(-1)!, spans)).toBeNull();
  });

  it('the pieces inside the current span join into exactly its quote, even with spans crossing it', () => {
    const segments = segmentText(text, [affiliate, region, crossing]);
    const { before, inside, after } = splitAroundSpan(segments, affiliate);
    expect(inside.map((segment) => segment.text).join('')).toBe(text.slice(affiliate.start, affiliate.end));
    expect([...before, ...inside, ...after].map((segment) => segment.text).join('')).toBe(text);
    expect(splitAroundSpan(segments, null).inside).toEqual([]);
  });
});

describe('cited spans', () => {
  it('groups citations by exact span, in reading order, the wider span first', () => {
    const citations = [
      { start: 14, end: 40, id: 'affiliate' },
      { start: 14, end: 22, id: 'region' },
      { start: 0, end: 6, id: 'name' },
      { start: 14, end: 40, id: 'affiliate-claim' },
    ];
    expect(citedSpans(citations).map((span) => [formatSpan(span), span.citations.map((c) => c.id)])).toEqual([
      ['0-6', ['name']],
      ['14-40', ['affiliate', 'affiliate-claim']],
      ['14-22', ['region']],
    ]);
  });

  it('reads and writes spans as "start-end", refusing anything else', () => {
    expect(parseSpan('112-250')).toEqual({ start: 112, end: 250 });
    expect(formatSpan({ start: 112, end: 250 })).toBe('112-250');
    for (const bad of [null, '', '250-112', '5-5', '-1-4', '1-x', '1.5-3', '12']) expect(parseSpan(bad)).toBeNull();
  });

  it('steps stay within the list; from nowhere, forward starts at the first and back at the last', () => {
    expect(stepSpan(5, 0, 1)).toBe(1);
    expect(stepSpan(5, 4, 1)).toBe(4);
    expect(stepSpan(5, 0, -1)).toBe(0);
    expect(stepSpan(5, null, 1)).toBe(0);
    expect(stepSpan(5, null, -1)).toBe(4);
    expect(stepSpan(0, null, 1)).toBeNull();
  });
});
