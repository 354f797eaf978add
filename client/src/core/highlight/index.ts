/**
 * Highlighting as sigma reducers: hover, selection, path and filters change what is
 * displayed, never the render graph's attributes. Pure functions of the render graph and
 * a small view model, so they are tested without a browser.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

import type { CompareSide, ComparisonHighlight } from '../comparison';
import type { Visibility } from '../filters';
import {
  QUALIFIED_EDGE_COLOR,
  type RenderEdgeAttributes,
  type RenderGraph,
  type RenderNodeAttributes,
} from '../graph-building';
import type { Selection } from '../selection';

export const DIM_NODE_COLOR = '#d5dae1';
export const DIM_EDGE_COLOR = '#eef0f3';
export const EMPHASIS_EDGE_COLOR = '#6b7687';
export const SELECTED_EDGE_COLOR = '#111827';
export const PATH_EDGE_COLOR = '#c2410c';

/**
 * Source comparison, from the Okabe–Ito palette (told apart with the common colour-vision
 * deficiencies): blue for the first source only, vermillion for the second only, bluish
 * green for both.
 */
export const COMPARE_COLORS: Record<CompareSide, string> = { a: '#0072b2', b: '#d55e00', both: '#009e73' };
/** Compared relations are drawn at least this thick, so their colour reads at overview zoom. */
export const MIN_COMPARED_EDGE_SIZE = 2.2;

/**
 * Emphasised relations get forced labels only up to this many: a hub's eighty labels at
 * once would bury each other (they still show when zoomed in).
 */
export const MAX_FORCED_EDGE_LABELS = 15;
export const MAX_FORCED_NODE_LABELS = 16;

export interface HighlightInput {
  visibility: Visibility;
  selection: Selection;
  hoveredEntity: string | null;
  hoveredRelation: string | null;
  /** Entities and relations of the shown paths, when the path finder has results. */
  path: Visibility | null;
  /**
   * Zoomed in far enough for every edge label to be readable. Otherwise only the labels of
   * hovered, selected or emphasised relations are drawn: at overview zoom the labels of a
   * hub's relations would pile up into an unreadable knot.
   */
  zoomedIn: boolean;
  /** Two sources compared: relations coloured by which supports them, the rest faded. */
  comparison: ComparisonHighlight | null;
}

export interface Emphasis {
  /** Why these are emphasised; the path keeps its own colour. */
  reason: 'hover' | 'path' | 'selection';
  entities: Set<string>;
  relations: Set<string>;
}

/** An entity, its visible relations and the entities at their other ends. */
export function visibleNeighbourhood(graph: RenderGraph, entityId: string, visibility: Visibility): Visibility {
  const entities = new Set<string>([entityId]);
  const relations = new Set<string>();
  if (!graph.hasNode(entityId)) return { entities, relations };
  graph.forEachEdge(entityId, (edge, _attributes, source, target) => {
    if (!visibility.relations.has(edge)) return;
    relations.add(edge);
    entities.add(source);
    entities.add(target);
  });
  return { entities, relations };
}

function relationWithEnds(graph: RenderGraph, relationId: string): Visibility {
  if (!graph.hasEdge(relationId)) return { entities: new Set(), relations: new Set() };
  return {
    entities: new Set([graph.source(relationId), graph.target(relationId)]),
    relations: new Set([relationId]),
  };
}

/** What stands out, by precedence: hover, then the path, then the selection. */
export function computeEmphasis(graph: RenderGraph, input: HighlightInput): Emphasis | null {
  if (input.hoveredEntity !== null && graph.hasNode(input.hoveredEntity)) {
    return { reason: 'hover', ...visibleNeighbourhood(graph, input.hoveredEntity, input.visibility) };
  }
  if (input.hoveredRelation !== null && graph.hasEdge(input.hoveredRelation)) {
    return { reason: 'hover', ...relationWithEnds(graph, input.hoveredRelation) };
  }
  if (input.path && input.path.entities.size > 0) return { reason: 'path', ...input.path };
  if (input.selection?.kind === 'entity') {
    return { reason: 'selection', ...visibleNeighbourhood(graph, input.selection.id, input.visibility) };
  }
  if (input.selection?.kind === 'relation')
    return { reason: 'selection', ...relationWithEnds(graph, input.selection.id) };
  return null;
}

/**
 * The sigma settings that draw `input` on `graph`: the reducers, and whether to look for edge
 * labels at all. The edge reducer names relations only when zoomed in or emphasised; otherwise
 * sigma would still walk the edges of every labelled entity each frame to find none.
 */
export function highlightSettings(graph: RenderGraph, input: HighlightInput, emphasis = computeEmphasis(graph, input)) {
  return {
    nodeReducer: createNodeReducer(input, emphasis),
    edgeReducer: createEdgeReducer(input, emphasis),
    renderEdgeLabels: input.zoomedIn || emphasis !== null,
  };
}

/** What stands out and the settings that draw it: what the canvas needs for one highlight input. */
export interface Highlighting {
  emphasis: Emphasis | null;
  settings: ReturnType<typeof highlightSettings>;
}

export function highlightingFor(graph: RenderGraph, input: HighlightInput): Highlighting {
  const emphasis = computeEmphasis(graph, input);
  return { emphasis, settings: highlightSettings(graph, input, emphasis) };
}

export function createNodeReducer(input: HighlightInput, emphasis: Emphasis | null) {
  return (node: string, attributes: RenderNodeAttributes): Partial<NodeDisplayData> => {
    const display: Partial<NodeDisplayData> = { ...attributes };
    if (!input.visibility.entities.has(node)) return { ...display, hidden: true };
    const selected = input.selection?.kind === 'entity' && input.selection.id === node;
    if (selected) return { ...display, highlighted: true, forceLabel: true, zIndex: 3 };
    if (emphasis) {
      // Forced labels skip sigma's label grid; for a hub's many neighbours, let the grid choose.
      if (emphasis.entities.has(node)) {
        return { ...display, forceLabel: emphasis.entities.size <= MAX_FORCED_NODE_LABELS, zIndex: 2 };
      }
      return { ...display, color: DIM_NODE_COLOR, label: null, zIndex: 0 };
    }
    if (input.comparison && !input.comparison.entities.has(node)) {
      return { ...display, color: DIM_NODE_COLOR, label: null, zIndex: 0 };
    }
    return display;
  };
}

export function createEdgeReducer(input: HighlightInput, emphasis: Emphasis | null) {
  return (edge: string, attributes: RenderEdgeAttributes): Partial<EdgeDisplayData> => {
    const display: Partial<EdgeDisplayData> = { ...attributes };
    if (!input.visibility.relations.has(edge)) return { ...display, hidden: true };
    // In a comparison, a relation's colour says which source supports it; others fade.
    const side = input.comparison?.relations.get(edge);
    const comparedColor = side ? COMPARE_COLORS[side] : null;
    if (comparedColor) {
      display.color = comparedColor;
      display.size = Math.max(attributes.size, MIN_COMPARED_EDGE_SIZE);
    }
    const selected = input.selection?.kind === 'relation' && input.selection.id === edge;
    if (selected || input.hoveredRelation === edge) {
      return { ...display, color: SELECTED_EDGE_COLOR, size: attributes.size + 1.5, forceLabel: true, zIndex: 3 };
    }
    if (emphasis) {
      if (!emphasis.relations.has(edge)) return { ...display, color: DIM_EDGE_COLOR, label: null, zIndex: 0 };
      const forceLabel = emphasis.relations.size <= MAX_FORCED_EDGE_LABELS;
      const path = emphasis.reason === 'path';
      return {
        ...display,
        // An emphasised relation stated only in someone's words or hedged keeps its amber.
        color: path
          ? PATH_EDGE_COLOR
          : (comparedColor ?? (attributes.statedPlainly ? EMPHASIS_EDGE_COLOR : QUALIFIED_EDGE_COLOR)),
        size: path ? (display.size ?? attributes.size) + 1 : display.size,
        forceLabel,
        label: forceLabel || input.zoomedIn ? attributes.label : null,
        zIndex: 2,
      };
    }
    if (input.comparison && !comparedColor) return { ...display, color: DIM_EDGE_COLOR, label: null, zIndex: 0 };
    if (comparedColor) return { ...display, zIndex: 1, label: input.zoomedIn ? attributes.label : null };
    return input.zoomedIn ? display : { ...display, label: null };
  };
}

/** Adds the shown paths to what the filters leave visible: a path the user asked for is never cut. */
export function withPath(visibility: Visibility, path: Visibility | null): Visibility {
  if (!path) return visibility;
  return {
    entities: new Set([...visibility.entities, ...path.entities]),
    relations: new Set([...visibility.relations, ...path.relations]),
  };
}
