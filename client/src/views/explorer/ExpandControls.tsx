/**
 * In a bounded view: bring an entity's neighbours into the view a page at a time ("50 of
 * 8,790 relations shown · Next 50"), with its counts by relation and entity type, and take
 * them out again. What is expanded is part of the URL (a history step each), so Back undoes
 * an expansion and a link restores it. An entity selected outside the view (search, a link,
 * the reader) is brought in with its first page. Renders nothing when the whole graph is loaded.
 */
import { useEffect, useId, useRef } from 'react';

import { useLoadedGraph } from '../../bindings/loaded-graph';
import { useExpansionControls } from '../../bindings/use-expansions';
import { useExplorerState } from '../../bindings/use-explorer-state';
import { shownOf } from '../../core/bounded-view';
import { formatCount } from '../../core/counts';
import { collapseEntity, expandedPages, expandEntity, expandLimit } from '../../core/bounded-view/expanded';
import { EXPAND_PAGE_SIZE, expansionCounts, type TypeCount } from '../../core/bounded-view/expansion';
import { on } from '../../core/explorer-state';

function Counts({ title, counts, labels }: { title: string; counts: TypeCount[]; labels: Map<string, string> }) {
  return (
    <p className="hint">
      {title}: {counts.map(({ type, count }) => `${labels.get(type) ?? type} ${formatCount(count)}`).join(' · ')}
    </p>
  );
}

export function ExpandControls({ entityId }: { entityId: string }) {
  const controls = useExpansionControls();
  const { data } = useLoadedGraph();
  const { state, update } = useExplorerState();
  const titleId = useId();
  const pages = expandedPages(state.expanded, entityId);
  // Search, a link or the reader can name an entity outside the view: it joins with its first
  // page of neighbours, in place of the step that named it (Back does not land on it unexpanded).
  const missing = Boolean(controls?.bounded && !data.entityById.has(entityId) && pages === 0);
  const tried = useRef(false); // once: a failure shows its error rather than retrying forever
  useEffect(() => {
    if (!missing || tried.current) return;
    tried.current = true;
    update(on('expanded', expandEntity(entityId)), { replace: true });
  }, [missing, update, entityId]);
  if (!controls?.bounded) return null;
  const expansion = controls.expansions.get(entityId);
  const pending = controls.pending.has(entityId);
  const counts = expansion && expansionCounts(expansion);
  const remaining = counts ? counts.total - counts.shown : 0;
  const limit = expandLimit(state.expanded, entityId);
  const more = pages === 0 || (expansion !== undefined && expansion.next !== null);
  return (
    <section className="panel__section" aria-labelledby={titleId}>
      <h3 id={titleId}>Neighbours in view</h3>
      {counts && <p data-expansion-count>{shownOf(counts.shown, counts.total, 'relation', 'relations')} shown</p>}
      <div className="inline-field">
        {(more || pending) && (
          <button
            type="button"
            className="secondary-button"
            disabled={pending || limit !== null}
            onClick={() => update(on('expanded', expandEntity(entityId)))}
          >
            {pending ? 'Loading…' : expansion ? `Next ${Math.min(EXPAND_PAGE_SIZE, remaining)}` : 'Expand neighbours'}
          </button>
        )}
        {pages > 0 && (
          <button
            type="button"
            className="secondary-button"
            onClick={() => update(on('expanded', collapseEntity(entityId)))}
          >
            Collapse
          </button>
        )}
      </div>
      {more && !pending && limit && <p className="hint">{limit}</p>}
      {expansion && (
        <>
          <Counts
            title="By relation type"
            counts={expansion.countsByType}
            labels={new Map(data.relationTypes.map((type) => [type.id, type.label]))}
          />
          <Counts
            title="By neighbour type"
            counts={expansion.countsByEntityType}
            labels={new Map(data.entityTypes.map((type) => [type.id, type.label]))}
          />
        </>
      )}
    </section>
  );
}
