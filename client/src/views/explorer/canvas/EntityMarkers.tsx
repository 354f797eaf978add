/**
 * Marks over the canvas: a ring around each entity chosen for the multi-selection and a pin
 * on each pinned entity, kept on their entities as the camera moves or an entity is dragged
 * (redrawn after every sigma render). Decoration only: the selection panel and the arrange
 * controls say the same in words.
 */
import { useEffect, useState } from 'react';

import { useSigma } from './sigma-context';

interface Mark {
  id: string;
  x: number;
  y: number;
  radius: number;
}

export function EntityMarkers({ chosen, pinned }: { chosen: readonly string[]; pinned: ReadonlySet<string> }) {
  const sigma = useSigma();
  const [marks, setMarks] = useState<{ chosen: Mark[]; pinned: Mark[] }>({ chosen: [], pinned: [] });

  useEffect(() => {
    const graph = sigma.getGraph();
    const place = (ids: Iterable<string>): Mark[] =>
      [...ids].flatMap((id) => {
        const display = graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
        if (!display || display.hidden) return [];
        const point = sigma.framedGraphToViewport(display);
        return [{ id, x: point.x, y: point.y, radius: sigma.scaleSize(display.size) }];
      });
    const update = () => setMarks({ chosen: place(chosen), pinned: place(pinned) });
    update();
    sigma.on('afterRender', update);
    return () => {
      sigma.off('afterRender', update);
    };
  }, [sigma, chosen, pinned]);

  return (
    <svg className="entity-markers" aria-hidden="true">
      {marks.chosen.map((mark) => (
        <circle
          key={`chosen-${mark.id}`}
          className="entity-markers__chosen"
          data-chosen={mark.id}
          cx={mark.x}
          cy={mark.y}
          r={mark.radius + 4}
        />
      ))}
      {marks.pinned.map((mark) => (
        <g
          key={`pin-${mark.id}`}
          data-pinned={mark.id}
          transform={`translate(${mark.x + mark.radius * 0.7} ${mark.y - mark.radius * 0.7 - 12})`}
        >
          <path
            className="entity-markers__pin"
            d="M6 0a6 6 0 0 1 6 6c0 3-3 5-5 6v6h-2v-6C3 11 0 9 0 6a6 6 0 0 1 6-6z"
          />
        </g>
      ))}
    </svg>
  );
}
