/** Renders nothing: forwards sigma's pointer events (click, hover) on nodes, edges and the stage. */
import { useEffect } from 'react';
import type { SigmaEvents } from 'sigma/types';

import { useSigma } from './sigma-context';

export interface GraphEventHandlers {
  onClickEntity: (id: string) => void;
  onClickRelation: (id: string) => void;
  onClickStage: () => void;
  onHoverEntity: (id: string | null) => void;
  onHoverRelation: (id: string | null) => void;
}

export function GraphEventsController({
  onClickEntity,
  onClickRelation,
  onClickStage,
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
  }, [sigma, onClickEntity, onClickRelation, onClickStage, onHoverEntity, onHoverRelation]);

  return null;
}
