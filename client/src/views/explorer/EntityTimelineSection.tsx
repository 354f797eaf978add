/**
 * The entity panel's "In time": the entity's own dates and its dated relations, in date
 * order (Entity.timeline, a page at a time), each relation a button that selects it. A relation dated only by
 * the event at its other end says so ("dated by its event").
 */
import { useId } from 'react';

import { useEntityTimeline } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { formatDate, formatStatement } from '../../core/time';

interface Span {
  first?: string | null;
  last?: string | null;
}

/** A span's days as read: "26 Aug 2021", "1 Jan 2015 – 31 Jul 2016", "from 1 Nov 2014". */
function formatSpan(span: Span): string {
  if (span.first && span.last)
    return span.first === span.last ? formatDate(span.first) : `${formatDate(span.first)} – ${formatDate(span.last)}`;
  if (span.first) return `from ${formatDate(span.first)}`;
  return span.last ? `until ${formatDate(span.last)}` : 'undated';
}

export function EntityTimelineSection({
  entityId,
  name,
  onSelectRelation,
}: {
  entityId: string;
  name: string;
  onSelectRelation: (id: string) => void;
}) {
  const titleId = useId();
  const query = useEntityTimeline(entityId);
  const relations = query.nodes;
  if (query.error) return <QueryState query={query} action={`load when ${name}'s relations held`} found={false} />;
  if (relations.length === 0) return null;
  return (
    <section className="panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>
        In time <span className="count">{query.totalCount}</span>
      </h3>
      <ol className="entity-timeline" aria-label={`${name}: dated relations in order`}>
        {relations.map((relation) => (
          <li key={relation.id}>
            <span className="entity-timeline__date">
              {relation.time.length > 0
                ? relation.time.map(formatStatement).join('; ')
                : formatSpan(relation.span ?? {})}
            </span>{' '}
            <button type="button" className="link-button" onClick={() => onSelectRelation(relation.id)}>
              {relation.subject.name} {relation.label} {relation.object.name}
            </button>
            {relation.span?.inherited && <span className="tag"> dated by its event</span>}
          </li>
        ))}
      </ol>
      <ShowMore list={query} what="dated relations" />
    </section>
  );
}
