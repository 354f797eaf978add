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
  // The second line: what is still being checked, else what part of the graph is loaded, else the totals.
  const second = checking ? (
    <p className="status-line__total loading-note" data-checking>
      {checking}
    </p>
  ) : scopeNote ? (
    <p className="status-line__total" data-scope-note title={scopeNote.full}>
      {scopeNote.short}
    </p>
  ) : partial ? (
    <p className="status-line__total">
      of {totalEntities} · {totalRelations}
    </p>
  ) : null;
  return (
    <div className="status-line" aria-busy={checking ? true : undefined}>
      <p role="status" aria-live="polite">
        {formatCounts(entities, relations)}
      </p>
      {second}
    </div>
  );
}
