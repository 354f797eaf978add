/** Zoom in, zoom out and fit: the camera, by buttons (keyboard and touch users need them too). */
import { trackCameraMove } from './camera-moves';
import { useSigma } from './sigma-context';

export function ZoomControls({ onFit }: { onFit: () => void }) {
  const sigma = useSigma();
  const camera = sigma.getCamera();
  return (
    <div className="canvas-toolbar canvas-toolbar--zoom" role="group" aria-label="Camera" data-canvas-overlay>
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom in"
        title="Zoom in"
        onClick={() => trackCameraMove(sigma, camera.animatedZoom({ duration: 250 }))}
      >
        <span aria-hidden="true">+</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom out"
        title="Zoom out"
        onClick={() => trackCameraMove(sigma, camera.animatedUnzoom({ duration: 250 }))}
      >
        <span aria-hidden="true">−</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Fit graph"
        title="Fit the visible graph"
        onClick={onFit}
      >
        <span aria-hidden="true">⤢</span>
      </button>
    </div>
  );
}
