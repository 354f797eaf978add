/**
 * Renders nothing: dragging an entity moves it, and it stays where it is dropped. The camera
 * does not pan while an entity is dragged (sigma's default is prevented on the moves), and
 * the graph's frame is frozen at the first drag (sigma's custom bounding box), so moving one
 * entity past the edge does not rescale the others. Nothing lays the graph out again after
 * it is shown, so a dropped entity keeps its place for as long as the page is open.
 *
 * Positions are the render graph's x and y: what the layout wrote and what sigma reads; a
 * drag is the one change to them after the layout (reducers handle everything else).
 */
import { useEffect } from 'react';

import { useSigma } from './sigma-context';

/** Pointer travel (CSS pixels) below which a press on an entity is a click, not a drag. */
const DRAG_THRESHOLD = 3;

export interface DragHandlers {
  /** An entity was dropped somewhere new; `from` is where it was before this drag. */
  onDrop: (id: string, from: { x: number; y: number }) => void;
  /** Called at every drop, so the click sigma sends after it can be told from a real one. */
  onDragEnd: () => void;
}

export function DragController({ onDrop, onDragEnd }: DragHandlers) {
  const sigma = useSigma();

  useEffect(() => {
    const graph = sigma.getGraph();
    const captor = sigma.getMouseCaptor();
    let dragged: {
      id: string;
      from: { x: number; y: number };
      start: { x: number; y: number };
      moved: boolean;
    } | null = null;

    const down = ({
      node,
      event,
    }: {
      node: string;
      event: { x: number; y: number; original: MouseEvent | TouchEvent };
    }) => {
      // Shift is for choosing several (shift-click) and the lasso, never a drag.
      if ('shiftKey' in event.original && event.original.shiftKey) return;
      dragged = {
        id: node,
        from: { x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y') },
        start: { x: event.x, y: event.y },
        moved: false,
      };
    };
    const move = (event: { x: number; y: number; preventSigmaDefault(): void; original: MouseEvent | TouchEvent }) => {
      if (!dragged) return;
      if (!dragged.moved && Math.hypot(event.x - dragged.start.x, event.y - dragged.start.y) < DRAG_THRESHOLD) {
        event.preventSigmaDefault();
        return;
      }
      if (!dragged.moved) {
        dragged.moved = true;
        if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
        sigma.getContainer().dataset.dragging = dragged.id;
      }
      const position = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged.id, { x: position.x, y: position.y });
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    };
    const up = () => {
      if (!dragged) return;
      const { id, from, moved } = dragged;
      dragged = null;
      delete sigma.getContainer().dataset.dragging;
      if (moved) {
        onDrop(id, from);
        onDragEnd();
      }
    };

    sigma.on('downNode', down);
    captor.on('mousemovebody', move);
    captor.on('mouseup', up);
    return () => {
      sigma.off('downNode', down);
      captor.off('mousemovebody', move);
      captor.off('mouseup', up);
    };
  }, [sigma, onDrop, onDragEnd]);

  return null;
}
