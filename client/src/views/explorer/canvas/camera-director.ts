/**
 * The explorer's one line to the camera: intents are asked with `request` (from event
 * handlers and from effects that see a focus or paths arrive) and delivered, in the order
 * asked, to the one CameraController. Intents asked before the controller exists (the first
 * view, a linked entity) wait in a queue. An external store rather than React state, so an
 * intent is an event carried out once, not a value compared from render to render.
 */
import type { CameraIntent } from '../../../core/camera';

export interface CameraDirector {
  request(intent: CameraIntent): void;
  /** The controller's subscription: receives queued intents at once, then each new one. */
  subscribe(carryOut: (intent: CameraIntent) => void): () => void;
}

export function createCameraDirector(initial: readonly CameraIntent[] = []): CameraDirector {
  const queue: CameraIntent[] = [...initial];
  let controller: ((intent: CameraIntent) => void) | null = null;
  return {
    request(intent) {
      if (controller) controller(intent);
      else queue.push(intent);
    },
    subscribe(carryOut) {
      controller = carryOut;
      for (const intent of queue.splice(0)) carryOut(intent);
      return () => {
        if (controller === carryOut) controller = null;
      };
    },
  };
}
