/**
 * Sigma settings, created once per canvas. Changing settings later goes through
 * `sigma.setSetting` (reducers do): a new settings object would recreate the WebGL context.
 */
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import { DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS, EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

import type { RenderEdgeAttributes, RenderNodeAttributes } from '../../../core/graph-building';
import { drawEdgeLabelWithHalo } from './edge-label';
import { createNodeHoverDrawer, createNodeLabelDrawer, type LabelPositions } from './node-label';

export type ExplorerSigmaSettings = Partial<Settings<RenderNodeAttributes, RenderEdgeAttributes>>;

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// Programs are classes: created once, shared by every canvas.
const EdgeCurveProgram = createEdgeCurveProgram({ drawLabel: drawEdgeLabelWithHalo });
const EdgeCurvedArrowProgram = createEdgeCurveProgram({
  drawLabel: drawEdgeLabelWithHalo,
  arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
});

export function createSigmaSettings(): ExplorerSigmaSettings {
  // Shared by the label and the hover drawer of one canvas.
  const positions: LabelPositions = new Map();
  return {
    // Programs: straight edges for lone relations, curves for parallel ones; arrows only on directed relations.
    defaultEdgeType: 'line',
    edgeProgramClasses: {
      line: EdgeRectangleProgram,
      arrow: EdgeArrowProgram,
      curved: EdgeCurveProgram,
      curvedArrow: EdgeCurvedArrowProgram,
    },

    // Interaction: edges are clickable (they open their evidence).
    enableEdgeEvents: true,
    minCameraRatio: 0.05,
    maxCameraRatio: 3,
    zoomDuration: 200,

    // Labels: every entity may be named, down to 3 px discs (zoomed far out). The grid offers the
    // biggest entity of each 20 px cell (more when zoomed in), the drawer keeps those that fit;
    // 11 px keeps about half the names at the default zoom. Edge labels appear when both ends
    // are labelled (zoomed in) or forced (hover, selection): the highlight turns them on then
    // (core/highlight highlightSettings).
    renderLabels: true,
    renderEdgeLabels: false,
    labelFont: LABEL_FONT,
    labelSize: 11,
    labelWeight: '600',
    labelColor: { color: '#1f2937' },
    labelDensity: 1,
    labelGridCellSize: 20,
    labelRenderedSizeThreshold: 3,
    defaultDrawNodeLabel: createNodeLabelDrawer(positions),
    defaultDrawNodeHover: createNodeHoverDrawer(positions),
    edgeLabelFont: LABEL_FONT,
    edgeLabelSize: 11,
    edgeLabelWeight: '500',
    edgeLabelColor: { color: '#374151' },
    defaultDrawEdgeLabel: drawEdgeLabelWithHalo,

    // Rendering: z-index so highlighted items draw above dimmed ones; the container may be hidden on small screens.
    zIndex: true,
    allowInvalidContainer: true,
    stagePadding: 40,

    // Performance: the graph is small enough that hiding edges while moving would only flicker.
    hideEdgesOnMove: false,
    hideLabelsOnMove: false,
  };
}
