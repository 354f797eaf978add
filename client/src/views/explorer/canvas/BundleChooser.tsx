/**
 * Several relations drawn between the same two entities: a click on their bundle lists them
 * all, and the user picks the one whose evidence to open (Escape or "Close" dismisses). It
 * opens at the click and takes the keyboard focus.
 */
import { useEffect, useRef } from 'react';

import { useLoadedGraph } from '../../../bindings/loaded-graph';

interface BundleChooserProps {
  relationIds: readonly string[];
  at: { x: number; y: number };
  onChoose: (id: string) => void;
  onClose: () => void;
}

export function BundleChooser({ relationIds, at, onChoose, onClose }: BundleChooserProps) {
  const { data } = useLoadedGraph();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, [relationIds]);
  const relations = relationIds.flatMap((id) => data.relationById.get(id) ?? []);
  const name = (id: string) => data.entityById.get(id)?.name ?? id;
  const pair = relations[0] ? `${name(relations[0].subjectId)} and ${name(relations[0].objectId)}` : '';
  return (
    <div
      className="bundle-chooser"
      role="dialog"
      aria-label={`Relations between ${pair}`}
      style={{ left: at.x, top: at.y }}
      data-canvas-overlay
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p className="bundle-chooser__title">
        {relations.length} relations between {pair}
      </p>
      <ul>
        {relations.map((relation, index) => (
          <li key={relation.id}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="relation-link"
              onClick={() => onChoose(relation.id)}
            >
              {name(relation.subjectId)} <strong>{relation.label}</strong> {name(relation.objectId)}{' '}
              <span className="note">
                ({relation.corroboration} {relation.corroboration === 1 ? 'source' : 'sources'})
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
