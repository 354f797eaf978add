/** Renders nothing: carries out camera requests (move to an entity, fit a set or the whole graph). */
import { useEffect } from 'react';

import { fitPoints, type CameraRequest } from '../../core/camera';
import { useSigma, type ExplorerSigma } from './sigma-context';

const DURATION = 450;
/** Close enough to read the entity's neighbours, far enough to keep its context. */
const ENTITY_RATIO = 0.6;

/**
 * An entity's position in sigma's framed coordinates (the camera's space), computed from its
 * graph position. Not from getNodeDisplayData: right after a reducer change that cache holds
 * raw graph coordinates until the next frame's processing.
 */
function framedPosition(sigma: ExplorerSigma, id: string): { x: number; y: number } | null {
  const graph = sigma.getGraph();
  if (!graph.hasNode(id)) return null;
  const { x, y } = graph.getNodeAttributes(id);
  return sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
}

export function CameraController({ request }: { request: CameraRequest | null }) {
  const sigma = useSigma();

  useEffect(() => {
    if (!request) return;
    const camera = sigma.getCamera();
    const container = sigma.getContainer();
    // Tests (and anything else) can wait for the move to end instead of guessing its length.
    const track = (move: Promise<void>) => {
      container.dataset.cameraSettled = 'false';
      void move.then(() => {
        if (!camera.isAnimated()) container.dataset.cameraSettled = 'true';
      });
    };
    if (request.kind === 'entity') {
      const position = framedPosition(sigma, request.id);
      if (position)
        track(camera.animate({ ...position, ratio: Math.min(camera.ratio, ENTITY_RATIO) }, { duration: DURATION }));
      return;
    }
    const points = (request.ids ?? [])
      .map((id) => framedPosition(sigma, id))
      .filter((point): point is { x: number; y: number } => point !== null);
    const target = request.ids === null ? null : fitPoints(points);
    track(target ? camera.animate(target, { duration: DURATION }) : camera.animatedReset({ duration: DURATION }));
  }, [sigma, request]);

  return null;
}
