/**
 * A claim opened from the reader: the entity, the attribute and the value this source gives,
 * the other values other sources give when they disagree, and every quote behind it.
 * Read by id (Query.claim), with its entity's disputed attributes for the other values.
 */
import { useClaimDetails } from '../../api/queries';
import { AppLink } from '../../components/AppLink';
import { CitationsBySource, type ReadingPosition } from '../../components/CitationCard';
import { QueryState } from '../../components/QueryState';
import { SourceChips } from '../../components/SourceList';
import { attributeLabel } from '../../core/entity-details';
import { routeHref } from '../../core/routing';
import '../../components/panel.css';

interface ClaimPanelProps {
  claimId: string;
  entityId: string;
  current: ReadingPosition | null;
  /** The graph with the claim's entity selected. */
  graphHref: string;
}

export function ClaimPanel({ claimId, entityId, current, graphHref }: ClaimPanelProps) {
  const details = useClaimDetails(entityId === '' ? '' : claimId);
  const found = details.data?.claim ?? null;
  // The claim the reader names belongs to the entity it names; another entity's is not this one.
  const claim = found && found.entity.id === entityId ? found : null;
  const entity = claim?.entity;
  const disagreement = claim
    ? entity?.disagreements.edges.find((edge) => edge.node.attribute === claim.attribute)?.node
    : undefined;
  const disputed = disagreement !== undefined;
  const others = disagreement?.claims.filter((other) => other.id !== claim?.id) ?? [];

  return (
    <section className="panel panel--inline" aria-label="Claim">
      {entityId === '' && <p className="note note--warning">This source cites no claim with the id “{claimId}”.</p>}
      <QueryState
        query={details}
        action="load the claim"
        found={Boolean(claim)}
        loading="Loading the claim…"
        missing={
          found
            ? `${found.entity.name} is not the entity “${entityId}”: the claim “${claimId}” is about ${found.entity.name}.`
            : `The API has no claim with the id “${claimId}”.`
        }
      />
      {entity && claim && (
        <>
          <header>
            <p className="panel__kicker">Claim about {entity.name}</p>
            <h3 className="panel__title">
              {attributeLabel(claim.attribute)}: <span className="claim-value__value">{claim.value}</span>
            </h3>
          </header>
          <p>
            <AppLink className="secondary-button" href={graphHref}>
              Show {entity.name} on the graph
            </AppLink>
          </p>
          <SourceChips sources={claim.sources} />
          {claim.note && <p className="note">{claim.note}</p>}
          {disputed && (
            <div className="note note--conflict">
              <p>
                <strong>Sources disagree.</strong> Other values given for{' '}
                {attributeLabel(claim.attribute).toLowerCase()}:
              </p>
              <ul className="other-values">
                {others.map((other) => (
                  <li key={other.id}>
                    {other.value}{' '}
                    <span className="other-values__sources">
                      — {other.sources.map((source) => source.publisher ?? source.title).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
              <AppLink href={routeHref({ view: 'disagreements', entityId: entity.id, attribute: claim.attribute })}>
                See every value with its quote
              </AppLink>
            </div>
          )}
          <section className="panel__section" aria-label="Quotes for this claim">
            <h4>
              Citations <span className="count">{claim.citations.length}</span>
            </h4>
            <CitationsBySource
              citations={claim.citations}
              supports={{ kind: 'claim', id: claim.id }}
              current={current}
              headingLevel={4}
            />
          </section>
        </>
      )}
    </section>
  );
}
