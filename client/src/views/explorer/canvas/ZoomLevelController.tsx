/** Renders nothing: reports whether the camera is zoomed in past a ratio (edge labels depend on it). */
import { useEffect } from 'react';

import { useSigma } from './sigma-context';

/** Below this camera ratio (zoomed in), every edge label is drawn. */
export const EDGE_LABELS_RATIO = 0.5;

export function ZoomLevelController({ onZoomedIn }: { onZoomedIn: (zoomedIn: boolean) => void }) {
  const sigma = useSigma();

  useEffect(() => {
    const camera = sigma.getCamera();
    const report = () => onZoomedIn(camera.ratio < EDGE_LABELS_RATIO);
    report();
    camera.on('updated', report);
    return () => {
      camera.off('updated', report);
    };
  }, [sigma, onZoomedIn]);

  return null;
}
