/**
 * The entity panel: type, aliases, description, claims (each value with its sources;
 * conflicting values side by side) and relations grouped by type, each row opening its
 * evidence.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';

import { useEntityClaims, useEntityDetails } from '../../api/queries';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { AppLink } from '../../components/AppLink';
import { CitationsBySource } from '../../components/CitationCard';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { ExpandControls } from './ExpandControls';
import { CorroborationPips, SourceChips } from '../../components/SourceList';
import { TypeBadge } from '../../components/TypeBadge';
import {
  groupByNeighbour,
  groupClaims,
  groupRelations,
  relationSentence,
  type ClaimGroup,
} from '../../core/entity-details';
import { FOCUS_DEPTHS, type FocusState } from '../../core/focus';
import { sourceShortName } from '../../core/graph-data';
import { routeHref } from '../../core/routing';
import '../../components/panel.css';
import { EntityTimelineSection } from './EntityTimelineSection';
import { StatementsSection } from './StatementsSection';

/** The selected entity's relations: a skip link's target. */
export const ENTITY_RELATIONS_ID = 'entity-relations';

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
  const relationsTitleId = useId();
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
  const rowsRef = useRef<HTMLElement>(null);
  const returnFocusTo = props.returnFocusTo ?? null;
  useEffect(() => {
    if (!entity || !returnFocusTo) return;
    const row = rowsRef.current?.querySelector<HTMLElement>(`[data-relation-id="${CSS.escape(returnFocusTo)}"]`);
    row?.focus();
  }, [entity, returnFocusTo]);
  const name = entity?.name ?? summary?.name ?? entityId;
  const relations = useMemo(() => entity?.relations.edges.map((edge) => edge.node) ?? [], [entity]);
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

          <details className="panel__section neighbours">
            <summary>
              Everything between {entity.name} and one neighbour{' '}
              <span className="count">{groupByNeighbour(entity.id, relations).length}</span>
            </summary>
            <ul className="neighbours__list" aria-label="Neighbours">
              {groupByNeighbour(entity.id, relations).map(({ other, count }) => (
                <li key={other.id}>
                  <AppLink href={routeHref({ view: 'between', a: entity.id, b: other.id })}>
                    {other.name}
                    <span className="visually-hidden"> and {entity.name}</span>
                  </AppLink>{' '}
                  <span className="count">
                    {count} {count === 1 ? 'relation' : 'relations'}
                  </span>
                </li>
              ))}
            </ul>
          </details>

          <QueryState query={claims} action="load the claims" found={claims.totalCount !== null} />
          <Claims entityId={entity.id} groups={claimGroups} />
          <ShowMore
            shown={claims.nodes.length}
            total={claims.totalCount}
            what="claims"
            hasMore={claims.hasMore}
            loadingMore={claims.loadingMore}
            moreError={claims.moreError}
            onMore={claims.loadMore}
          />

          <StatementsSection entityId={entity.id} name={entity.name} />
          <EntityTimelineSection entityId={entity.id} name={entity.name} onSelectRelation={props.onSelectRelation} />

          <section
            id={ENTITY_RELATIONS_ID}
            className="panel__section"
            aria-labelledby={relationsTitleId}
            ref={rowsRef}
            tabIndex={-1}
          >
            <h3 id={relationsTitleId}>
              Relations{' '}
              <span className="count">
                {relations.length < entity.relations.totalCount
                  ? `${relations.length} of ${entity.relations.totalCount}`
                  : entity.relations.totalCount}
              </span>
            </h3>
            {groupRelations(entity.id, relations).map((group) => (
              <div key={group.key} className="relation-group">
                <h4 className="relation-group__title">
                  {group.direction === 'incoming' && <span aria-hidden="true">← </span>}
                  {group.label}
                  {group.direction === 'outgoing' && <span aria-hidden="true"> →</span>}
                  {group.direction === 'incoming' && <span className="visually-hidden"> (incoming)</span>}
                </h4>
                <ul className="relation-rows">
                  {group.rows.map(({ relation, other }) => {
                    const sentence = relationSentence(entity.name, group, other.name);
                    const sources = relation.sources.map(sourceShortName).join(', ');
                    return (
                      <li key={relation.id}>
                        <button
                          type="button"
                          className="relation-row"
                          data-relation-id={relation.id}
                          aria-label={`${sentence} — ${relation.corroboration} ${relation.corroboration === 1 ? 'source' : 'sources'}: ${sources}`}
                          onClick={() => onSelectRelation(relation.id)}
                        >
                          <span className="relation-row__other">
                            <TypeBadge type={other.type} compact />
                            {other.name}
                          </span>
                          <span
                            className={`relation-row__sources${relation.corroboration <= 1 ? ' relation-row__sources--single' : ''}`}
                          >
                            <CorroborationPips count={relation.corroboration} total={data.sources.length} />
                            <span className="relation-row__source-names">{sources}</span>
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
            {relations.length === 0 && <p className="empty-note">No relation names this entity.</p>}
          </section>
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
