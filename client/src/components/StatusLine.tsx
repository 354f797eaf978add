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
}

export function StatusLine({ entities, relations, totalEntities, totalRelations }: StatusLineProps) {
  const partial = entities !== totalEntities || relations !== totalRelations;
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
