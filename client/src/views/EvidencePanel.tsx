/**
 * The evidence panel: a relation (subject → object), how many sources support it, and each
 * citation with its source's title, publisher and the verbatim quote.
 */
import { useQuery } from 'urql';

import { RelationEvidenceDocument } from '../api/generated/graphql';
import { CitationsBySource } from '../components/CitationCard';
import { Corroboration } from '../components/SourceList';
import { TypeBadge } from '../components/TypeBadge';
import { relationArrow } from '../core/graph-data';
import { useExplorerData } from './explorer-context';

export interface EvidencePanelProps {
  relationId: string;
  hiddenReason: string | null;
  onSelectEntity: (id: string) => void;
  onClose: () => void;
}

export function EvidencePanel({ relationId, hiddenReason, onSelectEntity, onClose }: EvidencePanelProps) {
  const { data } = useExplorerData();
  const [{ data: result, fetching, error }, reexecute] = useQuery({
    query: RelationEvidenceDocument,
    variables: { id: relationId },
  });
  const relation = result?.relation;
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
          <h2 className="panel__title">
            {subjectName} <span className="relation-label">{label}</span> {objectName}
          </h2>
        </div>
        <button type="button" className="icon-button" aria-label="Close evidence" title="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>

      {hiddenReason && <p className="note note--warning">{hiddenReason}</p>}

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

      {error && (
        <div role="alert" className="note note--error">
          <p>Could not load the evidence: {error.networkError ? 'the API cannot be reached' : error.message}.</p>
          <button
            type="button"
            className="secondary-button"
            onClick={() => reexecute({ requestPolicy: 'network-only' })}
          >
            Retry
          </button>
        </div>
      )}
      {fetching && !relation && <p className="loading-note">Loading evidence…</p>}
      {result && !relation && !fetching && (
        <p className="note note--warning">The API has no relation with the id “{relationId}”.</p>
      )}

      {relation && (
        <>
          <Corroboration count={relation.corroboration} total={data.sources.length} />
          {relation.note && <p className="note">Curator’s note: {relation.note}</p>}
          <section className="panel__section" aria-labelledby="evidence-citations-title">
            <h3 id="evidence-citations-title">
              Citations <span className="count">{relation.citations.length}</span>
            </h3>
            <CitationsBySource citations={relation.citations} headingLevel={4} />
          </section>
        </>
      )}
    </section>
  );
}
