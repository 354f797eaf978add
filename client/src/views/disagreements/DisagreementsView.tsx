/**
 * Where the sources disagree (Query.disagreements): every attribute of an entity for which
 * the articles give different values, each value with the articles that give it and their
 * quotes; a quote opens the reader at that sentence. Paged by the API ("Show more"); narrowed
 * to one entity by a search picker (in the URL), and to one attribute when a panel's
 * "Sources disagree" links here.
 */
import { useEffect, useId, useMemo, useRef } from 'react';

import type { DisagreementsQuery } from '../../api/generated/graphql';
import { useDisagreements } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { useNavigation } from '../../bindings/use-navigation';
import { AppLink } from '../../components/AppLink';
import { CitationQuote } from '../../components/CitationCard';
import { EntityCombobox } from '../../components/EntityCombobox';
import { PageLayout } from '../../components/PageLayout';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { TypeBadge } from '../../components/TypeBadge';
import {
  describeDisagreementsScope,
  disagreementsScope,
  groupByEntity,
  sourceCount as countSources,
} from '../../core/disagreements';
import { attributeLabel } from '../../core/entity-details';
import { on } from '../../core/explorer-state';
import { sourceShortName } from '../../core/graph-data';
import { routeHref, type Route } from '../../core/routing';
import { selectEntity } from '../../core/selection';
import './disagreements.css';

type Disagreement = DisagreementsQuery['disagreements']['edges'][number]['node'];
type DisagreementsRoute = Extract<Route, { view: 'disagreements' }>;

const disagreementAnchor = (entityId: string, attribute: string) => `disagreement-${entityId}--${attribute}`;

function DisagreementCard({ disagreement, targeted }: { disagreement: Disagreement; targeted: boolean }) {
  const { data } = useLoadedGraph();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (targeted) ref.current?.scrollIntoView({ block: 'start' });
  }, [targeted]);
  const label = attributeLabel(disagreement.attribute);
  const sourceCount = countSources(disagreement.claims);
  return (
    <section
      ref={ref}
      id={disagreementAnchor(disagreement.entity.id, disagreement.attribute)}
      className={`disagreement${targeted ? ' disagreement--targeted' : ''}`}
      aria-label={`${disagreement.entity.name}: ${label}`}
    >
      <h3 id={titleId} className="disagreement__title">
        {label}
        <span className="disagreement__meta">
          {disagreement.claims.length} values from {sourceCount} {sourceCount === 1 ? 'source' : 'sources'}
        </span>
      </h3>
      <table className="disagreement__values" aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Source and quote</th>
          </tr>
        </thead>
        <tbody>
          {disagreement.claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row" className="disagreement__value">
                {claim.value}
                {claim.note && <span className="disagreement__note">{claim.note}</span>}
              </th>
              <td>
                <ul className="disagreement__citations">
                  {claim.citations.map((citation) => {
                    const source = data.sourceById.get(citation.source.id) ?? citation.source;
                    return (
                      <li key={`${citation.source.id}-${citation.start}-${citation.end}`}>
                        <p className="disagreement__source">
                          <strong>{sourceShortName(source)}</strong>
                          {source.publisher && <span className="disagreement__source-title"> · {source.title}</span>}
                        </p>
                        <CitationQuote citation={citation} supports={{ kind: 'claim', id: claim.id }} compact />
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DisagreementsView({ route }: { route: DisagreementsRoute }) {
  const { navigate } = useNavigation();
  const { data } = useLoadedGraph();
  const { href: graphLink } = useExplorerState();
  const disagreements = useDisagreements(route.entityId);
  const loaded = disagreements.totalCount !== null;
  const groups = useMemo(() => groupByEntity(disagreements.nodes), [disagreements.nodes]);
  // The API refuses an entity id it does not know (BAD_USER_INPUT): the link is out of date.
  const unknownToApi = Boolean(
    disagreements.error?.graphQLErrors.some((error) => error.extensions?.code === 'BAD_USER_INPUT'),
  );
  const entityName = (id: string) =>
    data.entityById.get(id)?.name ??
    groups.find((group) => group.entity.id === id)?.entity.name ??
    (unknownToApi ? undefined : id);
  const scope = disagreementsScope(route.entityId, entityName, groups, disagreements.totalCount ?? undefined);
  const showEntity = (entityId: string | null) =>
    navigate(routeHref({ view: 'disagreements', entityId, attribute: null }), { replace: true });

  return (
    <PageLayout title="Where the sources disagree">
      <p className="page__lede">
        Attributes for which the articles give different values — fighter numbers, a bounty, dates, death tolls. Every
        value is kept with the article that gives it and the sentence it comes from; a quote opens the article at that
        sentence.
      </p>
      <div className="inline-field disagreements__filter">
        <EntityCombobox
          label="Entity"
          placeholder="All entities: type a name to narrow"
          value={route.entityId && scope.kind === 'entity' ? scope.name : undefined}
          onChoose={(hit) => showEntity(hit.id)}
        />
        {route.entityId && (
          <button type="button" className="link-button" onClick={() => showEntity(null)}>
            All entities
          </button>
        )}
        {loaded && scope.kind !== 'unknown-entity' && (
          <p className="disagreements__summary">{describeDisagreementsScope(scope)}</p>
        )}
      </div>

      {!unknownToApi && (
        <QueryState
          query={disagreements}
          action="load the disagreements"
          found={loaded}
          loading="Loading the disagreements…"
        />
      )}
      {scope.kind === 'unknown-entity' && (
        <p className="note note--warning disagreements__unknown">
          {describeDisagreementsScope(scope)}{' '}
          <AppLink href={routeHref({ view: 'disagreements', entityId: null, attribute: null })}>
            Show all disagreements
          </AppLink>
        </p>
      )}

      {groups.map((group) => (
        <section key={group.entity.id} className="disagreements__entity" aria-labelledby={`${group.entity.id}-title`}>
          <header className="disagreements__entity-header">
            <h2 id={`${group.entity.id}-title`}>
              {group.entity.name} <TypeBadge type={group.entity.type} compact />
            </h2>
            <AppLink href={graphLink(on('selection', selectEntity(group.entity.id)))}>
              Show on the graph<span className="visually-hidden"> ({group.entity.name})</span>
            </AppLink>
          </header>
          {group.disagreements.map((disagreement) => (
            <DisagreementCard
              key={disagreement.attribute}
              disagreement={disagreement}
              targeted={route.attribute === disagreement.attribute && route.entityId === group.entity.id}
            />
          ))}
        </section>
      ))}
      <ShowMore list={disagreements} what="disagreements" />
    </PageLayout>
  );
}
