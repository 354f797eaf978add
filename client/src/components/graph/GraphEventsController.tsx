/** Renders nothing: forwards sigma's pointer events (click, hover) on nodes, edges and the stage. */
import { useEffect } from 'react';

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
    };
    sigma.on('clickNode', handlers.clickNode);
    sigma.on('clickEdge', handlers.clickEdge);
    sigma.on('clickStage', handlers.clickStage);
    sigma.on('enterNode', handlers.enterNode);
    sigma.on('leaveNode', handlers.leaveNode);
    sigma.on('enterEdge', handlers.enterEdge);
    sigma.on('leaveEdge', handlers.leaveEdge);
    return () => {
      sigma.off('clickNode', handlers.clickNode);
      sigma.off('clickEdge', handlers.clickEdge);
      sigma.off('clickStage', handlers.clickStage);
      sigma.off('enterNode', handlers.enterNode);
      sigma.off('leaveNode', handlers.leaveNode);
      sigma.off('enterEdge', handlers.enterEdge);
      sigma.off('leaveEdge', handlers.leaveEdge);
    };
  }, [sigma, onClickEntity, onClickRelation, onClickStage, onHoverEntity, onHoverRelation]);

  return null;
}
