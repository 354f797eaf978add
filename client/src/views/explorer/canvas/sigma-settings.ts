/**
 * Sigma settings, created once per canvas. Changing settings later goes through
 * `sigma.setSetting` (reducers do): a new settings object would recreate the WebGL context.
 */
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import {
  DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
  EdgeArrowProgram,
  EdgeRectangleProgram,
  type NodeLabelDrawingFunction,
} from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

import type { RenderEdgeAttributes, RenderNodeAttributes } from '../../../core/graph-building';
import { newLabelPass, placeLabel, type LabelPass } from '../../../core/layout/label-placement';
import { drawEdgeLabelWithHalo } from './edge-label';

export type ExplorerSigmaSettings = Partial<Settings<RenderNodeAttributes, RenderEdgeAttributes>>;

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// Programs are classes: created once, shared by every canvas.
const EdgeCurveProgram = createEdgeCurveProgram({ drawLabel: drawEdgeLabelWithHalo });
const EdgeCurvedArrowProgram = createEdgeCurveProgram({
  drawLabel: drawEdgeLabelWithHalo,
  arrowHead: DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS,
});

/** Entities drawn at least this big (radius in pixels, as rendered) are hubs: bolder names, drawn first. */
export const HUB_LABEL_SIZE = 9;

/**
 * Node labels on a white halo (legible over edges), placed so that none hides another name
 * or entity (core/layout/label-placement): what does not fit shows when zoomed in. One
 * drawer per canvas, since a pass belongs to one sigma instance; sigma draws a pass's labels
 * in one synchronous loop, so a pass ends at the next microtask, or when a label comes
 * again. Costs a text measure per label and a scan of those already placed: a few
 * milliseconds at a thousand labels, nothing at a hundred.
 */
export function createNodeLabelDrawer(): NodeLabelDrawingFunction<RenderNodeAttributes, RenderEdgeAttributes> {
  /** The pass's placements, and each placed label's text and font, to draw it again when it moves. */
  let pass: { space: LabelPass; texts: Map<string, { label: string; font: string }> } | null = null;
  const currentPass = (key: string) => {
    // Sigma draws each label once per pass: a label seen again means a new pass began.
    if (pass === null || pass.texts.has(key)) {
      pass = { space: newLabelPass(), texts: new Map() };
      const started = pass;
      queueMicrotask(() => {
        if (pass === started) pass = null;
      });
    }
    return pass;
  };

  return (context, data, settings) => {
    if (!data.label) return;
    const { space, texts } = currentPass(data.key);
    const hub = data.size >= HUB_LABEL_SIZE;
    const fontSize = hub ? settings.labelSize + 1 : settings.labelSize;
    const font = `${hub ? '700' : settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
    context.font = font;
    const placement = placeLabel(
      space,
      {
        key: data.key,
        x: data.x,
        y: data.y,
        size: data.size,
        width: context.measureText(data.label).width,
        fontSize,
        priority: data.forceLabel === true ? 'forced' : hub ? 'hub' : false,
      },
      { width: context.canvas.clientWidth || Infinity, height: context.canvas.clientHeight || Infinity },
    );
    texts.set(data.key, { label: data.label, font });

    const draw = (text: string, x: number, y: number) => {
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(text, x, y);
      context.fillStyle = settings.labelColor.color ?? '#1f2937';
      context.fillText(text, x, y);
    };
    for (const box of placement.erased)
      context.clearRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    for (const { key, x, y } of placement.moved) {
      const moved = texts.get(key);
      if (!moved) continue;
      context.font = moved.font;
      draw(moved.label, x, y);
    }
    if (!placement.position) return;
    context.font = font;
    draw(data.label, placement.position.x, placement.position.y);
  };
}

export function createSigmaSettings(): ExplorerSigmaSettings {
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
    // are labelled (zoomed in) or forced (hover, selection).
    renderLabels: true,
    renderEdgeLabels: true,
    labelFont: LABEL_FONT,
    labelSize: 11,
    labelWeight: '600',
    labelColor: { color: '#1f2937' },
    labelDensity: 1,
    labelGridCellSize: 20,
    labelRenderedSizeThreshold: 3,
    defaultDrawNodeLabel: createNodeLabelDrawer(),
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
