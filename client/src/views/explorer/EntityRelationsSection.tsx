/**
 * The entity panel's relations: grouped by the neighbour at their other end, each group
 * linking to everything between the two, each row opening its evidence. Paged from the API
 * (Entity.relations, best supported first): a hub's panel draws one page and says "100 of
 * 8,790", "Show more" adds the next, and a type chooser narrows to one relation type with
 * the API's counts. The rows are the skip link's target; the chooser sits before them.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';

import { ENTITY_RELATIONS_PAGE_SIZE, useEntityRelations } from '../../api/use-entity-relations';
import { useLoadedGraph } from '../../bindings/loaded-graph';
import { AppLink } from '../../components/AppLink';
import { QueryState } from '../../components/QueryState';
import { CorroborationPips } from '../../components/SourceList';
import { TypeBadge } from '../../components/TypeBadge';
import { formatCount } from '../../core/counts';
import { groupByNeighbour, relationSentence, type RelationDirection } from '../../core/entity-details';
import { sourceShortName } from '../../core/graph-data';
import { routeHref } from '../../core/routing';
import './entity-relations.css';

function TypeLabel({ label, direction }: { label: string; direction: RelationDirection }) {
  return (
    <span className="relation-row__type">
      {direction === 'incoming' && <span aria-hidden="true">← </span>}
      {label}
      {direction === 'outgoing' && <span aria-hidden="true"> →</span>}
    </span>
  );
}

export interface EntityRelationsSectionProps {
  entityId: string;
  name: string;
  /** The skip link's target: the rows (focusable, so "Skip to relations" lands before the first). */
  rowsId: string;
  /** The relation whose evidence was opened from this panel: its row takes focus again on return. */
  returnFocusTo: string | null;
  onSelectRelation: (id: string) => void;
}

export function EntityRelationsSection({
  entityId,
  name,
  rowsId,
  returnFocusTo,
  onSelectRelation,
}: EntityRelationsSectionProps) {
  const { data } = useLoadedGraph();
  const titleId = useId();
  const [type, setType] = useState<string | null>(null);
  const relations = useEntityRelations(entityId, type);
  const groups = useMemo(() => groupByNeighbour(entityId, relations.edges), [entityId, relations.edges]);
  const rowsRef: RefObject<HTMLDivElement | null> = useRef(null);
  const loaded = relations.edges.length > 0;
  useEffect(() => {
    if (!loaded || !returnFocusTo) return;
    rowsRef.current?.querySelector<HTMLElement>(`[data-relation-id="${CSS.escape(returnFocusTo)}"]`)?.focus();
  }, [loaded, returnFocusTo]);

  const total = relations.totalCount;
  const allTypes = relations.countsByType.reduce((sum, { count }) => sum + count, 0);
  const typeLabel = (id: string) => data.relationTypes.find((candidate) => candidate.id === id)?.label ?? id;
  const shown = relations.edges.length;
  const next = total === null ? 0 : Math.min(ENTITY_RELATIONS_PAGE_SIZE, total - shown);

  return (
    <section className="panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Relations{' '}
        {total !== null && (
          <span className="count" data-relations-count>
            {shown < total ? `${formatCount(shown)} of ${formatCount(total)}` : formatCount(total)}
          </span>
        )}
      </h3>
      {relations.countsByType.length > 1 && (
        <label className="inline-field">
          <span>Relation type</span>
          <select value={type ?? ''} onChange={(event) => setType(event.target.value || null)}>
            <option value="">All types ({formatCount(allTypes)})</option>
            {relations.countsByType.map(({ type: id, count }) => (
              <option key={id} value={id}>
                {typeLabel(id)} ({formatCount(count)})
              </option>
            ))}
          </select>
        </label>
      )}
      <QueryState
        query={relations}
        action={`load the relations of “${name}”`}
        found={total !== null}
        loading="Loading relations…"
      />
      <div id={rowsId} ref={rowsRef} tabIndex={-1} className="neighbour-groups">
        {groups.map(({ other, rows }) => (
          <div key={other.id} className="relation-group">
            {/* Not a heading: the panel's one heading per entity name is its title. */}
            <p className="relation-group__title" aria-hidden="true">
              <TypeBadge type={other.type} compact />
              {other.name} <span className="count">{rows.length}</span>
            </p>
            <ul className="relation-rows" aria-label={`With ${other.name}`}>
              {rows.map((row) => {
                const { relation } = row;
                const sentence = relationSentence(name, row, other.name);
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
                      <TypeLabel label={relation.label} direction={row.direction} />
                      <span
                        className={`relation-row__sources${relation.corroboration <= 1 ? ' relation-row__sources--single' : ''}`}
                      >
                        <CorroborationPips count={relation.corroboration} total={data.stats.sourceCount} />
                        <span className="relation-row__source-names">{sources}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {other.id !== entityId && (
              <AppLink
                className="relation-group__between"
                href={routeHref({ view: 'between', a: entityId, b: other.id })}
              >
                Everything between
                <span className="visually-hidden">
                  {' '}
                  {name} and {other.name}
                </span>
              </AppLink>
            )}
          </div>
        ))}
      </div>
      {total === 0 && <p className="empty-note">No relation names this entity.</p>}
      {relations.hasMore && (
        <button type="button" className="secondary-button" disabled={relations.fetching} onClick={relations.more}>
          {relations.fetching ? 'Loading…' : `Show ${formatCount(next)} more`}
        </button>
      )}
    </section>
  );
}
