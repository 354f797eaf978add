/**
 * The evidence panel: a relation (subject → object), how many sources support it, and each
 * citation with its source's title, publisher and the verbatim quote, which opens the
 * source reader at that quote.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

import { useRelationEvidence } from '../api/queries';
import { useLoadedGraph } from '../bindings/loaded-graph';
import { relationArrow } from '../core/graph-data';
import { CitationsBySource, type ReadingPosition } from './CitationCard';
import { QueryState } from './QueryState';
import { Corroboration, SourceChips } from './SourceList';
import { TypeBadge } from './TypeBadge';
import './panel.css';

export interface EvidencePanelProps {
  relationId: string;
  hiddenReason: string | null;
  onSelectEntity: (id: string) => void;
  /** Closes the panel; without it the panel has no close button (the reader keeps it open). */
  onClose?: () => void;
  /** The passage the source reader shows, when the panel is beside it. */
  current?: ReadingPosition | null;
  /** Extra actions under the title (the reader's "Show on the graph"). */
  actions?: ReactNode;
  /** The panel's title level: 2 beside the graph, 3 inside the reader's own sections. */
  headingLevel?: 2 | 3;
  /**
   * Moves keyboard focus to the title when the panel opens, and scrolls it into view (on a
   * phone the panel sits below the canvas): what was opened is where the user is.
   */
  focusOnOpen?: boolean;
}

function distinctSources<S extends { id: string }>(citations: readonly { source: S }[]): S[] {
  const byId = new Map<string, S>();
  for (const citation of citations) if (!byId.has(citation.source.id)) byId.set(citation.source.id, citation.source);
  return [...byId.values()];
}

export function EvidencePanel(props: EvidencePanelProps) {
  const { relationId, hiddenReason, onSelectEntity, onClose, current = null, actions, headingLevel = 2 } = props;
  const { focusOnOpen = false } = props;
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  const Subtitle = headingLevel === 2 ? 'h3' : 'h4';
  const citationsTitleId = useId();
  const { data } = useLoadedGraph();
  const evidence = useRelationEvidence(relationId);
  const relation = evidence.data?.relation;
  const loaded = Boolean(relation);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef<string | null>(null);
  useEffect(() => {
    const title = titleRef.current;
    if (!focusOnOpen || !title) return;
    // Again once the evidence has arrived: the page's height changed under the title.
    title.scrollIntoView({ block: 'nearest' });
    if (focused.current !== relationId) title.focus({ preventScroll: true });
    focused.current = relationId;
  }, [focusOnOpen, relationId, loaded]);
  const summary = data.relationById.get(relationId);
  const subjectName = relation?.subject.name ?? data.entityById.get(summary?.subjectId ?? '')?.name ?? '…';
  const objectName = relation?.object.name ?? data.entityById.get(summary?.objectId ?? '')?.name ?? '…';
  const label = relation?.label ?? summary?.label ?? relationId;
  const directed = relation?.directed ?? summary?.directed ?? true;

  return (
    <section className="panel" aria-label="Evidence">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">Relation · {directed ? 'directed' : 'reads both ways'}</p>
          <Title className="panel__title" ref={titleRef} tabIndex={focusOnOpen ? -1 : undefined}>
            {subjectName} <span className="relation-label">{label}</span> {objectName}
          </Title>
        </div>
        {onClose && (
          <button type="button" className="icon-button" aria-label="Close evidence" title="Close" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>

      {hiddenReason && <p className="note note--warning">{hiddenReason}</p>}
      {actions}

      {relation && (
        <p className="relation-ends">
          <button type="button" className="entity-link" onClick={() => onSelectEntity(relation.subject.id)}>
            <TypeBadge type={relation.subject.type} compact />
            {relation.subject.name}
          </button>
          <span className="relation-ends__label">
            {relationArrow(relation.directed)} {relation.label} {relationArrow(relation.directed)}
          </span>
          <button type="button" className="entity-link" onClick={() => onSelectEntity(relation.object.id)}>
            <TypeBadge type={relation.object.type} compact />
            {relation.object.name}
          </button>
        </p>
      )}

      <QueryState
        query={evidence}
        action="load the evidence"
        found={Boolean(relation)}
        loading="Loading evidence…"
        missing={`The API has no relation with the id “${relationId}”.`}
      />

      {relation && (
        <>
          <div className="corroboration-block">
            <Corroboration count={relation.corroboration} total={data.stats.sourceCount} />
            <SourceChips sources={distinctSources(relation.citations)} />
          </div>
          {relation.note && <p className="note">Curator’s note: {relation.note}</p>}
          <section className="panel__section" aria-labelledby={citationsTitleId}>
            <Subtitle id={citationsTitleId}>
              Citations <span className="count">{relation.citations.length}</span>
            </Subtitle>
            <p className="hint">Each quote opens its article at that sentence.</p>
            <CitationsBySource
              citations={relation.citations}
              supports={{ kind: 'relation', id: relation.id }}
              current={current}
              headingLevel={4}
            />
          </section>
        </>
      )}
    </section>
  );
}
