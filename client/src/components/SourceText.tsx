/**
 * A source's full text with every cited span marked. The text is cut at every span boundary
 * (core/source-text), so overlapping and nested spans each keep their marks; the current
 * span is one <mark> whose text is exactly the quote, named for assistive technology and
 * scrolled into view when it changes. Clicking a marked piece chooses the narrowest span
 * under the pointer.
 */
import { useEffect, useMemo, useRef } from 'react';

import { innermostSpan, segmentText, splitAroundSpan, type Span, type TextSegment } from '../core/source-text';
import './source-text.css';

interface SourceTextProps {
  text: string;
  /** Distinct cited spans, in reading order. */
  spans: readonly Span[];
  /** What each span supports, for the pointer's tooltip. */
  spanTitles: readonly string[];
  current: number | null;
  /** Accessible name of the current span's mark. */
  currentLabel: string;
  onChooseSpan: (index: number) => void;
  /** Passages to underline as suggestions (curator mode: names of known entities), each with its title. */
  suggestions?: readonly (Span & { title: string })[];
}

const MAX_DEPTH_CLASS = 3;

const NO_SUGGESTIONS: readonly (Span & { title: string })[] = [];

export function SourceText({
  text,
  spans,
  spanTitles,
  current,
  currentLabel,
  onChooseSpan,
  suggestions = NO_SUGGESTIONS,
}: SourceTextProps) {
  // Suggestions are cut in like spans, with indices after the cited spans' own.
  const segments = useMemo(() => segmentText(text, [...spans, ...suggestions]), [text, spans, suggestions]);
  const currentSpan = current === null ? null : (spans[current] ?? null);
  const { before, inside, after } = splitAroundSpan(segments, currentSpan);
  const currentRef = useRef<HTMLElement>(null);

  const currentKey = currentSpan ? `${currentSpan.start}-${currentSpan.end}` : null;
  useEffect(() => {
    if (currentKey === null) return;
    currentRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [currentKey]);

  const piece = (segment: TextSegment, insideCurrent: boolean) => {
    const suggested = segment.spans.filter((index) => index >= spans.length);
    const content =
      suggested.length === 0 ? (
        segment.text
      ) : (
        <span
          key={`suggestion-${segment.start}`}
          className="source-text__suggestion"
          title={suggested.map((index) => suggestions[index - spans.length]!.title).join(' | ')}
        >
          {segment.text}
        </span>
      );
    // Inside the current mark, only what other spans also cover needs a mark of its own.
    const cited = segment.spans.filter((index) => index < spans.length);
    const others = insideCurrent ? cited.filter((index) => index !== current) : cited;
    if (others.length === 0) return content;
    const target = innermostSpan({ ...segment, spans: others }, spans);
    const titles = others.map((index) => spanTitles[index]).filter(Boolean);
    return (
      <mark
        key={segment.start}
        className={`source-text__span source-text__span--depth-${Math.min(others.length, MAX_DEPTH_CLASS)}`}
        title={titles.length > 0 ? `Supports: ${titles.join(' | ')}` : undefined}
        data-start={segment.start}
        data-end={segment.end}
        onClick={target === null ? undefined : () => onChooseSpan(target)}
      >
        {content}
      </mark>
    );
  };

  return (
    <div className="source-text" lang="en">
      {before.map((segment) => piece(segment, false))}
      {currentSpan && (
        <mark
          ref={currentRef}
          className="source-text__current"
          aria-label={currentLabel}
          aria-current="location"
          data-start={currentSpan.start}
          data-end={currentSpan.end}
        >
          {inside.map((segment) => piece(segment, true))}
        </mark>
      )}
      {after.map((segment) => piece(segment, false))}
    </div>
  );
}
