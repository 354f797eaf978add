/**
 * The timeline (Query.timeline): every dated statement about an entity, in date order, with
 * its date as precise as the article gives it, the article's own relative wording, and its
 * quotes, each opening the reader at that sentence. Paged: "Show more" asks for the next page.
 */
import { useState } from 'react';

import type { TimelineEventsQuery } from '../../api/generated/graphql';
import { useTimelineEvents } from '../../api/queries';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { AppLink } from '../../components/AppLink';
import { CitationQuote } from '../../components/CitationCard';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { TypeBadge } from '../../components/TypeBadge';
import { on } from '../../core/explorer-state';
import { selectEntity } from '../../core/selection';
import { formatStatement } from '../../core/time';
import './timeline.css';

type TimelineEvent = TimelineEventsQuery['timeline']['events']['edges'][number]['node'];

/** Events a page asks for. */
const PAGE = 100;

function EventItem({ event }: { event: TimelineEvent }) {
  const graph = useExplorerState();
  const { statement, entity } = event;
  return (
    <li className="timeline__event">
      <p className="timeline__date">
        <strong>{formatStatement(statement)}</strong>
        {statement.relative && <span className="timeline__relative"> (“{statement.relative}”)</span>}
        {statement.inferred && <span className="tag"> inferred</span>}
      </p>
      <p className="timeline__entity">
        <TypeBadge type={entity.type} />{' '}
        <AppLink href={graph.href(on('selection', selectEntity(entity.id)))}>{entity.name}</AppLink>
      </p>
      {statement.note && <p className="timeline__note">{statement.note}</p>}
      {statement.citations.map((citation, index) => (
        <CitationQuote key={index} citation={citation} compact />
      ))}
    </li>
  );
}

/** One page of events; the last page offers the next. */
function EventsPage({ after, onMore }: { after: string | null; onMore: (cursor: string) => void }) {
  const events = useTimelineEvents(PAGE, after);
  const connection = events.data?.timeline.events;
  return (
    <>
      <QueryState query={events} action="load the timeline" found={connection !== undefined} loading="Loading…" />
      {connection?.edges.map((edge) => (
        <EventItem key={edge.cursor} event={edge.node} />
      ))}
      {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <li>
          <button type="button" className="secondary-button" onClick={() => onMore(connection.pageInfo.endCursor!)}>
            Show more
          </button>
        </li>
      )}
    </>
  );
}

export function TimelineView() {
  // Each "Show more" adds a page after the last cursor; pages already shown stay.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <PageLayout title="Timeline" className="timeline">
      <p className="page__lead">Every dated event the articles give, in date order, with the sentences that date it.</p>
      <ol className="timeline__events" aria-label="Dated events">
        {cursors.map((after, index) => (
          <EventsPage
            key={after ?? 'first'}
            after={after}
            onMore={(cursor) => index === cursors.length - 1 && setCursors([...cursors, cursor])}
          />
        ))}
      </ol>
    </PageLayout>
  );
}
