import type { ExplorerSigma } from './sigma-context';

/**
 * Keeps `data-camera-settled` on the canvas container: "false" while an animated camera
 * move runs, "true" once the last one has ended. Tests (and anything else) wait on it
 * instead of guessing how long a move takes.
 */
export function trackCameraMove(sigma: ExplorerSigma, move: Promise<void>): void {
  const container = sigma.getContainer();
  const camera = sigma.getCamera();
  container.dataset.cameraSettled = 'false';
  void move.then(() => {
    if (!camera.isAnimated()) container.dataset.cameraSettled = 'true';
  });
}
