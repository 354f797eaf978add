/**
 * What several entities chosen on the canvas (shift-click, lasso) are, and what to do with
 * them: show only these (with the relations among them; in the URL, so Back undoes it) or
 * clear the choice. While only some entities are shown, it says so and offers them all again.
 */
import { useLoadedGraph } from '../../../bindings/loaded-graph';

interface SelectionPanelProps {
  chosen: readonly string[];
  only: readonly string[] | null;
  onShowOnly: (ids: readonly string[]) => void;
  onClear: () => void;
  onShowAll: () => void;
}

/** Names listed before "and N more". */
const NAMES_LISTED = 6;

export function SelectionPanel({ chosen, only, onShowOnly, onClear, onShowAll }: SelectionPanelProps) {
  const { data } = useLoadedGraph();
  if (chosen.length === 0 && !only) return null;
  const name = (id: string) => data.entityById.get(id)?.name ?? id;
  const listed = chosen.slice(0, NAMES_LISTED).map(name);
  const more = chosen.length - listed.length;
  return (
    <section className="selection-panel" aria-label="Chosen entities" data-canvas-overlay>
      {chosen.length > 0 && (
        <>
          <p className="selection-panel__summary" role="status">
            {chosen.length} {chosen.length === 1 ? 'entity' : 'entities'} chosen: {listed.join(', ')}
            {more > 0 ? ` and ${more} more` : ''}
          </p>
          <div className="selection-panel__actions">
            <button type="button" className="secondary-button" onClick={() => onShowOnly(chosen)}>
              Show only these
            </button>
            <button type="button" className="secondary-button" onClick={onClear}>
              Clear
            </button>
          </div>
        </>
      )}
      {only && (
        <p className="selection-panel__only">
          Showing only {only.length} chosen {only.length === 1 ? 'entity' : 'entities'}.{' '}
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all
          </button>
        </p>
      )}
    </section>
  );
}
