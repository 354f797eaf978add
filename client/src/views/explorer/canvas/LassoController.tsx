/**
 * A lasso: shift-drag on the empty canvas draws a loop, and the entities drawn inside it are
 * chosen (added to the multi-selection). The camera does not pan while the loop is drawn.
 * The loop is an SVG overlay that ignores the pointer.
 */
import { useEffect, useState } from 'react';

import { entitiesInLasso, type Point } from '../../../core/manipulation';
import { useSigma } from './sigma-context';

export function LassoController({ onLasso }: { onLasso: (ids: string[]) => void }) {
  const sigma = useSigma();
  const [loop, setLoop] = useState<Point[] | null>(null);

  useEffect(() => {
    const captor = sigma.getMouseCaptor();
    let points: Point[] | null = null;

    const down = ({ event }: { event: { x: number; y: number; original: MouseEvent | TouchEvent } }) => {
      if (!('shiftKey' in event.original) || !event.original.shiftKey) return;
      points = [{ x: event.x, y: event.y }];
      setLoop(points);
    };
    const move = (event: { x: number; y: number; preventSigmaDefault(): void }) => {
      if (!points) return;
      points = [...points, { x: event.x, y: event.y }];
      setLoop(points);
      event.preventSigmaDefault();
    };
    const up = () => {
      if (!points) return;
      const lasso = points;
      points = null;
      setLoop(null);
      const graph = sigma.getGraph();
      const drawn = new Map<string, Point>();
      graph.forEachNode((id) => {
        const display = sigma.getNodeDisplayData(id);
        if (display && !display.hidden) drawn.set(id, sigma.framedGraphToViewport(display));
      });
      const chosen = entitiesInLasso(drawn, lasso);
      if (chosen.length > 0) onLasso(chosen);
    };

    sigma.on('downStage', down);
    captor.on('mousemovebody', move);
    captor.on('mouseup', up);
    return () => {
      sigma.off('downStage', down);
      captor.off('mousemovebody', move);
      captor.off('mouseup', up);
    };
  }, [sigma, onLasso]);

  if (!loop) return null;
  return (
    <svg className="lasso" aria-hidden="true">
      <polygon points={loop.map((point) => `${point.x},${point.y}`).join(' ')} />
    </svg>
  );
}
