/**
 * Everything between two entities (Query.between), in one view: every relation that ties
 * them, by type, each with its quotes (a quote opens the reader at that sentence), and the
 * paths that join them through others. It follows the explorer's filters.
 */
import { useId, useMemo } from 'react';
import type { CombinedError } from 'urql';

import type { BetweenQuery } from '../../api/generated/graphql';
import { useBetween } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { AppLink } from '../../components/AppLink';
import { BackLink } from '../../components/BackLink';
import { CitationsBySource } from '../../components/CitationCard';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { CorroborationPips } from '../../components/SourceList';
import { TypeBadge } from '../../components/TypeBadge';
import { on } from '../../core/explorer-state';
import { isFiltered, toRelationFilter } from '../../core/filters';
import { pathCountSummary } from '../../core/paths';
import type { Route } from '../../core/routing';
import { selectEntity, selectRelation } from '../../core/selection';
import './between.css';

type BetweenRoute = Extract<Route, { view: 'between' }>;
type Group = BetweenQuery['between']['relationGroups'][number];

function RelationGroupSection({ group }: { group: Group }) {
  const { data } = useLoadedGraph();
  const { href } = useExplorerState();
  const titleId = useId();
  return (
    <section className="between__group" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {group.label} <span className="count">{group.relations.length}</span>
      </h3>
      <ul className="between__relations">
        {group.relations.map((relation) => (
          <li
            key={relation.id}
            className="between__relation"
            aria-label={`${relation.subject.name} ${relation.label} ${relation.object.name}`}
          >
            <p className="between__sentence">
              <TypeBadge type={relation.subject.type} compact />
              {relation.subject.name} <strong>{relation.label}</strong>{' '}
              <TypeBadge type={relation.object.type} compact />
              {relation.object.name}
              <span className="between__corroboration">
                <CorroborationPips count={relation.corroboration} total={data.stats.sourceCount} />
                {relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'}
              </span>
            </p>
            <p className="between__links">
              <AppLink href={href(on('selection', selectRelation(relation.id)))}>Show on the graph</AppLink>
            </p>
            <CitationsBySource
              citations={relation.citations}
              supports={{ kind: 'relation', id: relation.id }}
              headingLevel={4}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The ids the API said it does not know (BAD_USER_INPUT on `a` or `b`): the link's mistake,
 * said as a note without a retry (asking again cannot help). In a bounded view the loaded
 * graph holds only part of the entities, so the API is the one to ask.
 */
function unknownEntityIds(error: CombinedError | undefined, route: BetweenRoute): string[] {
  const ids = new Set<string>();
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const { code, argument } = graphQLError.extensions as { code?: unknown; argument?: unknown };
    if (code !== 'BAD_USER_INPUT') continue;
    const id = argument === 'a' ? route.a : argument === 'b' ? route.b : null;
    if (id && graphQLError.message.startsWith('No entity has the id')) ids.add(id);
  }
  return [...ids];
}

export function BetweenView({ route }: { route: BetweenRoute }) {
  const { data } = useLoadedGraph();
  const { state, href } = useExplorerState();
  const filter = useMemo(() => toRelationFilter(state.filters), [state.filters]);
  const query = useBetween(route.a ?? '', route.b ?? '', filter);
  const between = query.data?.between;
  const name = (id: string | null) => (id ? (data.entityById.get(id)?.name ?? id) : '…');
  const unknownIds = unknownEntityIds(query.error, route);
  const relationsTitleId = useId();
  const pathsTitleId = useId();

  return (
    <PageLayout
      className="between"
      before={<BackLink />}
      title={
        <>
          Between {name(route.a)} and {name(route.b)}
        </>
      }
    >
      {(!route.a || !route.b) && (
        <p className="note">Choose two entities: the address names {route.a || route.b ? 'only one' : 'none'}.</p>
      )}
      {unknownIds.length > 0 && (
        <p className="note note--warning between__unknown">
          {unknownIds.map((id) => `No entity has the id “${id}”`).join('; ')}, so there is nothing to show: the link may
          be out of date. <AppLink href={href()}>Back to the graph</AppLink>
        </p>
      )}
      {route.a && route.b && unknownIds.length === 0 && (
        <QueryState
          query={query}
          action={`load what ties ${name(route.a)} and ${name(route.b)}`}
          found={Boolean(between)}
          loading="Loading…"
        />
      )}
      {between && (
        <>
          {isFiltered(state.filters) && <p className="note">Only the relations the graph's filters keep are shown.</p>}
          <section aria-labelledby={relationsTitleId}>
            <h2 id={relationsTitleId}>
              Relations <span className="count">{between.relations.length}</span>
            </h2>
            {between.relations.length === 0 && (
              <p className="empty-note">
                No relation ties {between.a.name} and {between.b.name} directly.
              </p>
            )}
            {between.relationGroups.map((group) => (
              <RelationGroupSection key={group.type} group={group} />
            ))}
          </section>
          <section aria-labelledby={pathsTitleId}>
            <h2 id={pathsTitleId}>Paths through others</h2>
            {between.paths.edges.length === 0 ? (
              <p className="empty-note">No path of up to 3 hops passes through another entity.</p>
            ) : (
              <>
                <p>
                  {pathCountSummary(between.paths.edges.length, {
                    count: between.paths.totalCount,
                    exact: between.paths.totalCountExact,
                  })}{' '}
                  of up to 3 hops.{' '}
                  <AppLink
                    href={href(on('path', () => ({ from: between.a.id, to: between.b.id, maxLength: 3, index: null })))}
                  >
                    Open them in the path finder
                  </AppLink>
                </p>
                <ol className="between__paths" aria-label="Paths through others">
                  {between.paths.edges.map(({ node }, index) => (
                    <li key={index}>
                      {node.entities.map((entity, position) => (
                        <span key={`${entity.id}-${position}`}>
                          {position > 0 && <span aria-hidden="true"> → </span>}
                          <AppLink href={href(on('selection', selectEntity(entity.id)))}>{entity.name}</AppLink>
                        </span>
                      ))}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        </>
      )}
    </PageLayout>
  );
}
