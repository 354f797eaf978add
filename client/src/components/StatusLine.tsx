/** "N entities · M relations": what is visible now, announced politely to screen readers. */
import './app-header.css';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function formatCounts(entities: number, relations: number): string {
  return `${plural(entities, 'entity', 'entities')} · ${plural(relations, 'relation', 'relations')}`;
}

interface StatusLineProps {
  entities: number;
  relations: number;
  totalEntities: number;
  totalRelations: number;
  /** Said instead of the totals when only part of the graph is loaded ("500 of 50,000 entities shown"). */
  scopeNote?: { short: string; full: string } | null;
  /** Said instead of the totals while the counts above may still change (an answer on its way). */
  checking?: string | null;
}

export function StatusLine(props: StatusLineProps) {
  const { entities, relations, totalEntities, totalRelations, scopeNote, checking } = props;
  const partial = entities !== totalEntities || relations !== totalRelations;
  if (checking) {
    return (
      <div className="status-line" aria-busy="true">
        <p role="status" aria-live="polite">
          {formatCounts(entities, relations)}
        </p>
        <p className="status-line__total loading-note" data-checking>
          {checking}
        </p>
      </div>
    );
  }
  if (scopeNote) {
    return (
      <div className="status-line">
        <p role="status" aria-live="polite">
          {formatCounts(entities, relations)}
        </p>
        <p className="status-line__total" data-scope-note title={scopeNote.full}>
          {scopeNote.short}
        </p>
      </div>
    );
  }
  return (
    <div className="status-line">
      <p role="status" aria-live="polite">
        {formatCounts(entities, relations)}
      </p>
      {partial && (
        <p className="status-line__total">
          of {totalEntities} · {totalRelations}
        </p>
      )}
    </div>
  );
}
