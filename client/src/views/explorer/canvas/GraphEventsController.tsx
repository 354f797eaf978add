/**
 * Renders nothing: forwards sigma's pointer events (click, double-click, hover) on nodes,
 * edges and the stage. A double-click on a node zooms in (sigma's default) unless the
 * handler took it (returned true).
 */
import { useEffect } from 'react';
import type { SigmaEvents } from 'sigma/types';

import { useSigma } from './sigma-context';

export interface GraphEventHandlers {
  onClickEntity: (id: string) => void;
  onClickRelation: (id: string) => void;
  onClickStage: () => void;
  /** True when the double-click did something of its own (sigma then does not zoom). */
  onDoubleClickEntity?: (id: string) => boolean;
  onHoverEntity: (id: string | null) => void;
  onHoverRelation: (id: string | null) => void;
}

export function GraphEventsController({
  onClickEntity,
  onClickRelation,
  onClickStage,
  onDoubleClickEntity,
  onHoverEntity,
  onHoverRelation,
}: GraphEventHandlers) {
  const sigma = useSigma();

  useEffect(() => {
    const container = sigma.getContainer();
    const setPointer = (pointer: boolean) => container.classList.toggle('graph-canvas__sigma--pointer', pointer);
    const handlers = {
      clickNode: ({ node }: { node: string }) => onClickEntity(node),
      clickEdge: ({ edge }: { edge: string }) => onClickRelation(edge),
      clickStage: () => onClickStage(),
      doubleClickNode: ({ node, preventSigmaDefault }: { node: string; preventSigmaDefault: () => void }) => {
        if (onDoubleClickEntity?.(node)) preventSigmaDefault();
      },
      enterNode: ({ node }: { node: string }) => {
        setPointer(true);
        onHoverEntity(node);
      },
      leaveNode: () => {
        setPointer(false);
        onHoverEntity(null);
      },
      enterEdge: ({ edge }: { edge: string }) => {
        setPointer(true);
        onHoverRelation(edge);
      },
      leaveEdge: () => {
        setPointer(false);
        onHoverRelation(null);
      },
    } satisfies Partial<SigmaEvents>;
    // One list for on and off, so no listener outlives the component.
    const events = Object.keys(handlers) as (keyof typeof handlers)[];
    for (const event of events) sigma.on(event, handlers[event]);
    return () => {
      for (const event of events) sigma.off(event, handlers[event]);
    };
  }, [sigma, onClickEntity, onClickRelation, onClickStage, onDoubleClickEntity, onHoverEntity, onHoverRelation]);

  return null;
}
