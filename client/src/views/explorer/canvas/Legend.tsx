/**
 * What colours, sizes and strokes mean. Counts are of visible entities per type. The
 * corroboration key is drawn with the canvas's own functions (edgeSize, edgeColor), so the
 * legend cannot drift from the picture; sigma scales strokes a little with zoom. It lies
 * over the canvas, so it folds away behind a button: folded from the start on narrow
 * screens, where it would cover a fifth of the graph; and its types take four rows at most,
 * scrolling beyond them, so a vocabulary of dozens of types does not cover the canvas.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';

import type { CompareSide } from '../../../core/comparison';
import { corroborationSteps, edgeColor, edgeSize, QUALIFIED_EDGE_COLOR } from '../../../core/graph-building';
import { sourceShortName, type EntityTypeInfo, type SourceInfo } from '../../../core/graph-data';
import { COMPARE_COLORS } from '../../../core/highlight';

interface LegendProps {
  entityTypes: readonly EntityTypeInfo[];
  colors: ReadonlyMap<string, string>;
  visibleCountByType: ReadonlyMap<string, number>;
  /** Number of sources: the corroboration key goes from 1 to this. */
  sourceCount: number;
  /** Shown while two sources are compared. */
  comparison: { counts: Record<CompareSide, number>; a: SourceInfo | null; b: SourceInfo | null } | null;
}

/** Screens this narrow start with the legend folded (the explorer's one-column layout). */
export const NARROW_SCREEN_QUERY = '(max-width: 900px)';

const startsOpen = () => typeof window === 'undefined' || !window.matchMedia(NARROW_SCREEN_QUERY).matches;

/**
 * Whether the element's content is taller than the element (it scrolls): checked as its size
 * changes, and as its content does (`content`): a list held at its greatest height keeps its
 * size while its content shrinks to what fits.
 */
function useOverflows(element: RefObject<HTMLElement | null>, shown: boolean, content: unknown): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!shown || !target) return;
    const check = () => setOverflows(target.scrollHeight > target.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, shown, content]);
  return overflows;
}

function Stroke({ color, width }: { color: string; width: number }) {
  return (
    <svg className="legend__stroke" width="26" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={color} strokeWidth={width} strokeLinecap="round" />
    </svg>
  );
}

export function Legend({ entityTypes, colors, visibleCountByType, sourceCount, comparison }: LegendProps) {
  const shown = entityTypes.filter((type) => type.count > 0);
  const steps = corroborationSteps(sourceCount);
  const [open, setOpen] = useState(startsOpen);
  const bodyId = useId();
  const typesList = useRef<HTMLUListElement>(null);
  const typesScroll = useOverflows(typesList, open, shown.map((type) => type.id).join('\n'));
  return (
    <section className={`legend${open ? '' : ' legend--folded'}`} aria-label="Legend" data-canvas-overlay>
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((value) => !value)}
      >
        Legend
        <span className="legend__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      <div id={bodyId} className="legend__body" hidden={!open}>
        <ul
          ref={typesList}
          className={`legend__types${typesScroll ? ' legend__types--scrolls' : ''}`}
          aria-label="Entity types"
          // A region that scrolls is reached by the keyboard too.
          tabIndex={typesScroll ? 0 : undefined}
        >
          {shown.map((type) => (
            <li key={type.id} title={type.description}>
              <span className="swatch" style={{ background: colors.get(type.id) }} aria-hidden="true" />
              {type.label}
              <span className="legend__count">{visibleCountByType.get(type.id) ?? 0}</span>
            </li>
          ))}
        </ul>
        {comparison ? (
          <ul className="legend__compare" aria-label="Source comparison">
            {(
              [
                ['a', `only ${comparison.a ? sourceShortName(comparison.a) : 'A'}`],
                ['b', `only ${comparison.b ? sourceShortName(comparison.b) : 'B'}`],
                ['both', 'both'],
              ] as const
            ).map(([side, label]) => (
              <li key={side}>
                <Stroke color={COMPARE_COLORS[side]} width={3} />
                {label} <span className="legend__count">{comparison.counts[side]}</span>
              </li>
            ))}
            <li className="legend__faded">
              <Stroke color="#d5dae1" width={2} />
              neither
            </li>
          </ul>
        ) : (
          <p className="legend__corroboration">
            <span className="legend__scale-label">Sources per relation</span>
            {steps.map(({ count, label }) => (
              <span key={count} className="legend__step" title={`${label} ${count === 1 ? 'source' : 'sources'}`}>
                <Stroke color={edgeColor(count)} width={edgeSize(count)} />
                {label}
              </span>
            ))}
            <span className="visually-hidden">
              : thicker and darker edges are supported by more sources; pale thin ones by one.
            </span>
          </p>
        )}
        <p className="legend__qualified">
          <Stroke color={QUALIFIED_EDGE_COLOR} width={2} />
          only in someone’s words, or hedged
        </p>
        <p className="legend__key">
          <span aria-hidden="true">→</span> directed · <span aria-hidden="true">—</span> symmetric · size = relations
        </p>
      </div>
    </section>
  );
}
