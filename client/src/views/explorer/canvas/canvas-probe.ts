/**
 * A read-only probe of what sigma draws, for the real-browser tests: WebGL pixels say
 * nothing about which entity is where, so tests ask here where to point the mouse and
 * what the reducers made of an item. Exposed as `window.explorerCanvas` while a canvas
 * exists; it reads sigma and never changes it. Positions are CSS pixels from the canvas's
 * top-left corner (sigma.graphToViewport of the entity's graph position).
 */
import type { ExplorerSigma } from './sigma-context';

export interface ProbedNode {
  x: number;
  y: number;
  /** Radius on screen, in pixels. */
  radius: number;
  label: string | null;
  /** Colour after the reducers (dimmed entities turn grey). */
  color: string;
  hidden: boolean;
}

export interface ProbedEdge {
  source: string;
  target: string;
  /** Sigma program: 'line' and 'arrow' are straight, 'curved…' bend (parallel relations). */
  type: string;
  /** Thickness on screen, in pixels. */
  thickness: number;
  /** Bend of a parallel relation, in chord lengths (0 straight). */
  curvature: number;
  color: string;
  hidden: boolean;
}

export interface CanvasProbe {
  node(id: string): ProbedNode | null;
  edge(id: string): ProbedEdge | null;
  /** Where an entity is in the graph's own coordinates (what the layout and a drag write). */
  position(id: string): { x: number; y: number } | null;
  /** Ids of the entities and relations drawn (not hidden by the reducers). */
  drawnNodes(): string[];
  drawnEdges(): string[];
}

declare global {
  interface Window {
    explorerCanvas?: CanvasProbe;
  }
}

export function createCanvasProbe(sigma: ExplorerSigma): CanvasProbe {
  const graph = sigma.getGraph();
  return {
    node(id) {
      const display = graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
      if (!display) return null;
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(id));
      return {
        x,
        y,
        radius: sigma.scaleSize(display.size),
        label: display.label,
        color: display.color,
        hidden: display.hidden,
      };
    },
    edge(id) {
      const display = graph.hasEdge(id) ? sigma.getEdgeDisplayData(id) : undefined;
      if (!display) return null;
      return {
        source: graph.source(id),
        target: graph.target(id),
        type: display.type,
        thickness: sigma.scaleSize(display.size),
        curvature: graph.getEdgeAttribute(id, 'curvature'),
        color: display.color,
        hidden: display.hidden,
      };
    },
    position(id) {
      if (!graph.hasNode(id)) return null;
      return { x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') };
    },
    drawnNodes: () => graph.filterNodes((id) => sigma.getNodeDisplayData(id)?.hidden === false),
    drawnEdges: () => graph.filterEdges((id) => sigma.getEdgeDisplayData(id)?.hidden === false),
  };
}

/** Exposes the probe for this sigma; returns the cleanup that removes it (if still this one). */
export function exposeCanvasProbe(sigma: ExplorerSigma): () => void {
  const probe = createCanvasProbe(sigma);
  window.explorerCanvas = probe;
  return () => {
    if (window.explorerCanvas === probe) delete window.explorerCanvas;
  };
}
