/**
 * The time bar under the graph: a histogram of dated relations per month (from the API's
 * timeline), a range chosen by dragging across it or typing two months, a play button that
 * steps month by month, and the same counts as a table for screen readers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

import { useTimelineCounts } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { type FilterState } from '../../core/filters';
import { NO_TIME_RANGE } from '../../core/filters/during';
import { type MonthBar, formatDate, monthAxis, nextMonth } from '../../core/time';
import './time-bar.css';

type TimeRange = FilterState['during'];

interface TimeBarProps {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
  /**
   * The timeline is asked once the graph is drawn: its answer would otherwise be read, and its
   * bars laid out, while the first frame is being built. Its room is kept meanwhile.
   */
  graphDrawn: boolean;
}

/** How long each month shows while playing. */
const PLAY_STEP_MS = 900;

/** Whether a bar's month lies in the chosen range (ranges are months or years, as typed). */
function monthInRange(month: string, range: TimeRange): boolean {
  const from = range.from?.slice(0, 7) ?? null;
  const to = range.to?.slice(0, 7) ?? null;
  return (
    (from === null || month >= from.padEnd(7, '-01').slice(0, 7)) &&
    (to === null || month <= (to.length === 4 ? `${to}-12` : to))
  );
}

export function TimeBar({ range, onChange, graphDrawn }: TimeBarProps) {
  const counts = useTimelineCounts('MONTH', !graphDrawn);
  const bars = useMemo(() => monthAxis(counts.data?.timeline.periods ?? []), [counts.data]);
  const [anchor, setAnchor] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ range, bars });
  // The interval below reads the latest range and axis without restarting on each step.
  useEffect(() => {
    latest.current = { range, bars };
  });

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { range: current, bars: axis } = latest.current;
      if (axis.length === 0) return;
      const start = current.from?.slice(0, 7);
      const month =
        start && start.length === 7 && start < axis[axis.length - 1]!.month ? nextMonth(start) : axis[0]!.month;
      if (start && start.length === 7 && start >= axis[axis.length - 1]!.month) {
        setPlaying(false);
        return;
      }
      onChange({ from: month, to: month, includeUndated: current.includeUndated });
    }, PLAY_STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing, onChange]);

  const undated = counts.data !== undefined && bars.length === 0;
  const highest = Math.max(1, ...bars.map((bar) => bar.relations + bar.events));
  const active = range.from !== null || range.to !== null;
  const choose = (from: string, to: string) =>
    onChange({ from: from <= to ? from : to, to: from <= to ? to : from, includeUndated: range.includeUndated });

  return (
    <section className="time-bar" aria-label="Time">
      <div className="time-bar__controls">
        <label>
          From month{' '}
          <input
            type="month"
            value={range.from && range.from.length >= 7 ? range.from.slice(0, 7) : range.from ? `${range.from}-01` : ''}
            onChange={(event) => onChange({ ...range, from: event.target.value || null })}
          />
        </label>
        <label>
          To month{' '}
          <input
            type="month"
            value={range.to && range.to.length >= 7 ? range.to.slice(0, 7) : range.to ? `${range.to}-12` : ''}
            onChange={(event) => onChange({ ...range, to: event.target.value || null })}
          />
        </label>
        <label className="time-bar__undated">
          <input
            type="checkbox"
            checked={range.includeUndated}
            disabled={!active}
            onChange={(event) => onChange({ ...range, includeUndated: event.target.checked })}
          />
          Show undated
        </label>
        <button
          type="button"
          className="secondary-button"
          onClick={() => setPlaying((on) => !on)}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play by month'}
        </button>
        <button type="button" className="secondary-button" disabled={!active} onClick={() => onChange(NO_TIME_RANGE)}>
          All time
        </button>
        {counts.data && (
          <span className="time-bar__counts">
            {counts.data.timeline.datedRelations} dated relations, {counts.data.timeline.undatedRelations} undated
          </span>
        )}
      </div>
      {/* The histogram's room is kept while the timeline loads: the canvas above would otherwise
          shrink when it arrives, and sigma resize, refresh and draw the graph again. A dataset
          with no dated relation has no histogram to wait for. */}
      {!undated && (
        <div className="time-bar__histogram-room">
          <QueryState
            query={counts}
            action="load the timeline"
            found={bars.length > 0}
            loading="Loading the timeline…"
          />
          {bars.length > 0 && (
            <div
              className="time-bar__histogram"
              aria-hidden="true"
              onPointerLeave={() => setAnchor(null)}
              onPointerUp={() => setAnchor(null)}
            >
              {bars.map((bar) => (
                <div
                  key={bar.month}
                  className={`time-bar__bar${active && monthInRange(bar.month, range) ? ' time-bar__bar--chosen' : ''}`}
                  title={`${formatDate(bar.month)}: ${bar.relations} relations, ${bar.events} events`}
                  data-month={bar.month}
                  onPointerDown={(event) => {
                    event.preventDefault();
                    setAnchor(bar.month);
                    choose(bar.month, bar.month);
                  }}
                  onPointerEnter={() => anchor && choose(anchor, bar.month)}
                >
                  <span style={{ height: `${((bar.relations + bar.events) / highest) * 100}%` }} />
                </div>
              ))}
            </div>
          )}
        </div>
      )}
      {!undated && <CountsTable bars={bars} />}
    </section>
  );
}

/** The histogram as text: the months that hold anything (none while the timeline loads). */
function CountsTable({ bars }: { bars: MonthBar[] }) {
  // Its rows only while it is open: hundreds of months are otherwise laid out for no one.
  const [open, setOpen] = useState(false);
  const filled = bars.filter((bar) => bar.relations + bar.events > 0);
  return (
    <details className="time-bar__table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Counts by month</summary>
      {open && filled.length > 0 && (
        <table>
          <caption>Dated relations and dated events per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Relations</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {filled.map((bar) => (
              <tr key={bar.month}>
                <th scope="row">{formatDate(bar.month)}</th>
                <td>{bar.relations}</td>
                <td>{bar.events}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
