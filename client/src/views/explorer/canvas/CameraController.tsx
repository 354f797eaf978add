/**
 * Renders nothing: the one controller that moves the camera, carrying out the explorer's
 * intents (camera-director.ts) in the order asked: move to an entity, fit a set or the whole
 * graph. Fits keep the entities out of the strips that overlays (legend, toolbars, focus
 * banner: anything in the stage marked `data-canvas-overlay`) cover along the canvas's top
 * and bottom edges. A move to an entity the graph does not hold yet waits until it joins.
 */
import { useEffect } from 'react';

import { fitPoints, intentEntities, overlayInsets, type CameraFrame, type CameraIntent } from '../../../core/camera';
import type { CameraDirector } from './camera-director';
import { trackCameraMove } from './camera-moves';
import { useSigma, type ExplorerSigma } from './sigma-context';

const DURATION = 450;
/** The closest an entity is shown: near enough to read, far enough to keep its context. */
const ENTITY_RATIO = 0.6;

/**
 * An entity's position in sigma's framed coordinates (the camera's space), computed from its
 * graph position. Not from getNodeDisplayData: right after a reducer change that cache holds
 * raw graph coordinates until the next frame's processing.
 */
function framedPosition(sigma: ExplorerSigma, id: string): { x: number; y: number; radius: number } | null {
  const graph = sigma.getGraph();
  if (!graph.hasNode(id)) return null;
  const { x, y, size } = graph.getNodeAttributes(id);
  return { ...sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y })), radius: size };
}

/**
 * An entity and its neighbours on the canvas now (not hidden by the filters or the focus):
 * what "show this entity" must keep in view, so a hub's neighbours are not zoomed away.
 */
function entityWithNeighbours(sigma: ExplorerSigma, id: string): string[] {
  const graph = sigma.getGraph();
  if (!graph.hasNode(id)) return [];
  const shown = (node: string) => sigma.getNodeDisplayData(node)?.hidden !== true;
  return [id, ...graph.neighbors(id).filter(shown)];
}

/** The canvas as a fit sees it: its size, the overlays' insets and its scale at ratio 1. */
export function cameraFrame(sigma: ExplorerSigma): CameraFrame {
  const { width, height } = sigma.getDimensions();
  const container = sigma.getContainer();
  const stage = container.closest('.graph-stage') ?? container.parentElement;
  const origin = container.getBoundingClientRect();
  const overlays = Array.from(stage?.querySelectorAll<HTMLElement>('[data-canvas-overlay]') ?? [])
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0)
    .map((box) => ({ top: box.top - origin.top, bottom: box.bottom - origin.top }));
  // Sigma's scale at ratio 1, measured through its own conversion (so padding and aspect are its own).
  const home = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
  const step = 100;
  const centre = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 }, home);
  const right = sigma.viewportToFramedGraph({ x: width / 2 + step, y: height / 2 }, home);
  const below = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 + step }, home);
  return {
    width,
    height,
    insets: overlayInsets({ width, height }, overlays),
    unitsPerPixel: { x: (right.x - centre.x) / step, y: (below.y - centre.y) / step },
  };
}

export function CameraController({ director }: { director: CameraDirector }) {
  const sigma = useSigma();

  useEffect(() => {
    const camera = sigma.getCamera();
    const container = sigma.getContainer();
    const track = (move: Promise<void>) => trackCameraMove(sigma, move);
    // Not sigma.getDimensions(): it reports a hidden canvas as 1×1 (allowInvalidContainer).
    const hasSize = () => container.offsetWidth > 0 && container.offsetHeight > 0;

    const radiusAt = (size: number, ratio: number) => sigma.scaleSize(size, ratio);
    // An entity to show that the graph does not hold yet (a bounded view brings a searched or
    // linked entity in with its neighbours once the API's page is in): its move waits for it,
    // unless another intent comes first.
    const graph = sigma.getGraph();
    let awaited: { id: string; intent: CameraIntent } | null = null;
    let joined: ReturnType<typeof setTimeout> | undefined;
    // Entities that joined since sigma last drew (a focus's neighbourhood brought into a bounded
    // view) are framed at its next drawing, which may rescale the whole graph: a fit asked
    // before then draws first, so that it fits where they will be.
    let joinedSinceDrawn = false;
    const noteJoined = () => (joinedSinceDrawn = true);
    const noteDrawn = () => (joinedSinceDrawn = false);
    graph.on('nodeAdded', noteJoined);
    sigma.on('afterRender', noteDrawn);
    const carryOut = (intent: CameraIntent) => {
      awaited = null;
      clearTimeout(joined);
      if (intent.kind === 'show-entity' && !graph.hasNode(intent.id)) {
        awaited = { id: intent.id, intent };
        return;
      }
      if (joinedSinceDrawn) sigma.refresh();
      const entity = intent.kind === 'show-entity';
      const ids = entity
        ? entityWithNeighbours(sigma, intent.id)
        : (intentEntities(intent) ?? sigma.getGraph().nodes());
      const instant = intent.kind === 'fit-all' && intent.instant === true;
      const points = ids
        .map((id) => framedPosition(sigma, id))
        .filter((point): point is { x: number; y: number; radius: number } => point !== null);
      // An entity alone (or with near neighbours) is not zoomed closer than ENTITY_RATIO.
      const target = fitPoints(
        points,
        cameraFrame(sigma),
        entity ? { radiusAt, minRatio: ENTITY_RATIO } : { radiusAt },
      );
      if (entity) {
        if (target) track(camera.animate(target, { duration: DURATION }));
        return;
      }
      if (!target) {
        if (intent.kind === 'fit-all' && !instant) track(camera.animatedReset({ duration: DURATION }));
        return;
      }
      if (instant) camera.setState(target);
      else track(camera.animate(target, { duration: DURATION }));
    };

    // A hidden canvas (the explorer under another view) has no size yet: intents wait, in
    // order, until it has one.
    const waiting: CameraIntent[] = [];
    const observer = new ResizeObserver(() => {
      if (!hasSize() || waiting.length === 0) return;
      // Render now, so sigma has measured the canvas and framed the graph before the fits read them.
      sigma.refresh();
      for (const intent of waiting.splice(0)) carryOut(intent);
    });
    observer.observe(container);
    // The entity joins with its neighbours in one pass over the graph: the move is made after
    // that pass, once sigma has placed them all (a refresh), so the fit keeps them in view.
    const onNodeAdded = ({ key }: { key: string }) => {
      if (awaited?.id !== key) return;
      const { intent } = awaited;
      awaited = null;
      joined = setTimeout(() => {
        if (!hasSize()) {
          waiting.push(intent);
          return;
        }
        sigma.refresh();
        carryOut(intent);
      });
    };
    graph.on('nodeAdded', onNodeAdded);
    const unsubscribe = director.subscribe((intent) => {
      if (hasSize()) carryOut(intent);
      else waiting.push(intent);
    });
    return () => {
      unsubscribe();
      observer.disconnect();
      graph.off('nodeAdded', onNodeAdded);
      graph.off('nodeAdded', noteJoined);
      sigma.off('afterRender', noteDrawn);
      clearTimeout(joined);
      if (awaited) director.request(awaited.intent);
      // Not carried out yet: back to the director, for the next controller.
      for (const intent of waiting.splice(0)) director.request(intent);
    };
  }, [sigma, director]);

  return null;
}
