/**
 * A claim opened from the reader: the entity, the attribute and the value this source gives,
 * the other values other sources give when they disagree, and every quote behind it.
 * Read from the entity's details (Query.entity), which the entity panel shares in the cache.
 */
import { useEntityDetails } from '../../api/queries';
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
  const details = useEntityDetails(entityId);
  const entity = details.data?.entity;
  const claim = entity?.claims.find((candidate) => candidate.id === claimId);
  const disputed = Boolean(
    claim && entity?.disagreements.some((disagreement) => disagreement.attribute === claim.attribute),
  );
  const others = claim
    ? (entity?.claims ?? []).filter((other) => other.attribute === claim.attribute && other.id !== claim.id)
    : [];

  return (
    <section className="panel panel--inline" aria-label="Claim">
      {entityId === '' && <p className="note note--warning">This source cites no claim with the id “{claimId}”.</p>}
      <QueryState
        query={details}
        action="load the claim"
        found={Boolean(claim)}
        loading="Loading the claim…"
        missing={
          entity
            ? `${entity.name} has no claim with the id “${claimId}”.`
            : `The API has no entity with the id “${entityId}”.`
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
