/**
 * The entity panel: type, aliases, description, relations grouped by neighbour (paged, each
 * row opening its evidence: EntityRelationsSection), then claims (each value with its
 * sources; conflicting values side by side), folded when there are many.
 */
import { useId, useMemo, useState } from 'react';

import { useEntityClaims, useEntityDetails } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { AppLink } from '../../components/AppLink';
import { CitationsBySource } from '../../components/CitationCard';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { ExpandControls } from './ExpandControls';
import { SourceChips } from '../../components/SourceList';
import { TypeBadge } from '../../components/TypeBadge';
import { groupClaims, type ClaimGroup } from '../../core/entity-details';
import { FOCUS_DEPTHS, type FocusState } from '../../core/focus';
import { routeHref } from '../../core/routing';
import '../../components/panel.css';
import { EntityRelationsSection } from './EntityRelationsSection';
import { EntityTimelineSection } from './EntityTimelineSection';
import { StatementsSection } from './StatementsSection';

/** The selected entity's relations: a skip link's target. */
export const ENTITY_RELATIONS_ID = 'entity-relations';

/** More attributes than this and the claims start folded below the relations (issue 14). */
const CLAIMS_FOLD_AT = 6;

export interface EntityPanelProps {
  entityId: string;
  /** Why the entity is not on the canvas right now, if it is not. */
  hiddenReason: string | null;
  focus: FocusState | null;
  onSelectEntity: (id: string) => void;
  onSelectRelation: (id: string) => void;
  onFocus: (id: string, depth: number) => void;
  onPathEnd: (end: 'from' | 'to', id: string) => void;
  onClose: () => void;
  /** The relation whose evidence was opened from this panel: its row takes focus again on return. */
  returnFocusTo?: string | null;
}

function Claims({ entityId, groups }: { entityId: string; groups: ClaimGroup[] }) {
  const titleId = useId();
  if (groups.length === 0) return null;
  const disputed = groups.filter((group) => group.conflicting).length;
  return (
    <section className="panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>What the sources say</h3>
      {disputed > 0 && (
        <p className="note note--conflict">
          The sources disagree on {disputed} {disputed === 1 ? 'attribute' : 'attributes'}.{' '}
          <AppLink href={routeHref({ view: 'disagreements', entityId, attribute: null })}>
            Compare the values side by side
          </AppLink>
        </p>
      )}
      <dl className="claims">
        {groups.map((group) => (
          <div key={group.attribute} className="claims__row">
            <dt>
              {group.label}
              {group.conflicting && (
                <AppLink
                  className="tag tag--conflict"
                  href={routeHref({ view: 'disagreements', entityId, attribute: group.attribute })}
                  title="See every value with its source in the Disagreements view"
                >
                  Sources disagree
                </AppLink>
              )}
            </dt>
            <dd className={group.conflicting ? 'claim-values claim-values--conflict' : 'claim-values'}>
              {group.claims.map((claim) => (
                <div key={claim.id} className="claim-value">
                  <p className="claim-value__value">{claim.value}</p>
                  <SourceChips sources={claim.sources} />
                  {claim.note && <p className="note">{claim.note}</p>}
                  <details className="claim-value__quotes">
                    <summary>
                      {claim.citations.length === 1 ? 'Quote' : `${claim.citations.length} quotes`}
                      <span className="visually-hidden"> for {claim.value}</span>
                    </summary>
                    <CitationsBySource
                      citations={claim.citations}
                      supports={{ kind: 'claim', id: claim.id }}
                      headingLevel={4}
                    />
                  </details>
                </div>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function EntityPanel(props: EntityPanelProps) {
  const { entityId, hiddenReason, focus, onSelectEntity, onSelectRelation, onFocus, onPathEnd, onClose } = props;
  const { data } = useLoadedGraph();
  const details = useEntityDetails(entityId);
  const claims = useEntityClaims(entityId);
  // While this entity is the focus, the depth is the explorer state's (one source of truth:
  // the focus banner shows and changes the same value); otherwise it is only the choice for
  // the next "Focus" press.
  const focused = focus?.entityId === entityId ? focus : null;
  const [chosenDepth, setChosenDepth] = useState(1);
  const depth = focused?.depth ?? chosenDepth;
  const chooseDepth = (value: number) => (focused ? onFocus(entityId, value) : setChosenDepth(value));
  const summary = data.entityById.get(entityId);
  const entity = details.data?.entity;
  const name = entity?.name ?? summary?.name ?? entityId;
  const claimGroups = useMemo(
    () =>
      entity ? groupClaims(claims.nodes, new Set(entity.disagreements.edges.map((edge) => edge.node.attribute))) : [],
    [entity, claims.nodes],
  );

  return (
    <section className="panel" aria-label="Entity details">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">{summary && <TypeBadge type={summary.type} />}</p>
          <h2 className="panel__title">{name}</h2>
        </div>
        <button type="button" className="icon-button" aria-label="Close details" title="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>

      {hiddenReason && <p className="note note--warning">{hiddenReason}</p>}

      <div className="panel__actions">
        <div className="inline-field">
          <button type="button" className="secondary-button" onClick={() => onFocus(entityId, depth)}>
            Focus on neighbourhood
          </button>
          <label>
            <span className="visually-hidden">Focus depth</span>
            <select value={depth} onChange={(event) => chooseDepth(Number(event.target.value))}>
              {FOCUS_DEPTHS.map((value) => (
                <option key={value} value={value}>
                  {value} {value === 1 ? 'hop' : 'hops'}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="inline-field">
          <button type="button" className="secondary-button" onClick={() => onPathEnd('from', entityId)}>
            Path from here
          </button>
          <button type="button" className="secondary-button" onClick={() => onPathEnd('to', entityId)}>
            Path to here
          </button>
        </div>
      </div>

      <ExpandControls entityId={entityId} />

      <QueryState
        query={details}
        action={`load the details of “${name}”`}
        found={Boolean(entity)}
        loading="Loading details…"
        missing={`The API has no entity with the id “${entityId}”.`}
      />

      {entity && (
        <>
          {entity.aliases.length > 0 && (
            <p className="aliases">
              <span className="aliases__label">Also known as</span> {entity.aliases.join(' · ')}
            </p>
          )}
          {entity.description && <p className="description">{entity.description}</p>}

          <EntityRelationsSection
            entityId={entity.id}
            name={entity.name}
            rowsId={ENTITY_RELATIONS_ID}
            returnFocusTo={props.returnFocusTo ?? null}
            onSelectRelation={onSelectRelation}
          />

          <QueryState query={claims} action="load the claims" found={claims.totalCount !== null} />
          {claimGroups.length > CLAIMS_FOLD_AT ? (
            <details className="panel__section claims-fold">
              <summary>
                What the sources say about {entity.name} <span className="count">{claimGroups.length} attributes</span>
              </summary>
              <Claims entityId={entity.id} groups={claimGroups} />
              <ShowMore list={claims} what="claims" />
            </details>
          ) : (
            <>
              <Claims entityId={entity.id} groups={claimGroups} />
              <ShowMore list={claims} what="claims" />
            </>
          )}

          <StatementsSection entityId={entity.id} name={entity.name} />
          <EntityTimelineSection entityId={entity.id} name={entity.name} onSelectRelation={props.onSelectRelation} />

          <p className="panel__footer">
            <button type="button" className="link-button" onClick={() => onSelectEntity(entity.id)}>
              Centre on {entity.name}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
