/**
 * The camera after an expansion the user asked for (a button, a double-click, Forward): its
 * neighbours join on a spiral around the entity, which can reach past the canvas when the
 * camera is close; once its page is in, the camera fits the entity and what its expansion
 * brought. Only for an entity the view holds: one a search or a link brings in with its first
 * page has the camera go to it already (CameraController's show-entity), and expansions a link
 * or a reload restores leave the first view as it is.
 */
import { useEffect, useRef } from 'react';

import type { ExpansionControls } from '../../bindings/use-expansions';
import { grownExpansion, type ExpandedState } from '../../core/bounded-view/expanded';
import type { CameraDirector } from './canvas/camera-director';

export function useExpansionCamera(
  camera: CameraDirector,
  expanded: ExpandedState,
  controls: ExpansionControls | null,
  inView: (entityId: string) => boolean,
  active: boolean,
): void {
  const previous = useRef(expanded);
  const awaited = useRef<string | null>(null);
  useEffect(() => {
    const grown = grownExpansion(previous.current, expanded);
    previous.current = expanded;
    if (active && grown && inView(grown)) awaited.current = grown;
  }, [expanded, active, inView]);
  useEffect(() => {
    const id = awaited.current;
    const expansion = id === null ? undefined : controls?.expansions.get(id);
    if (id === null || !expansion || controls?.pending.has(id)) return;
    awaited.current = null;
    camera.request({ kind: 'fit-expansion', ids: [id, ...expansion.entities.map((entity) => entity.id)] });
  }, [camera, controls]);
}
