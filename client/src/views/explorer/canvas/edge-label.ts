/**
 * Edge labels drawn on a white halo at the middle of the edge, straight or curved, kept
 * upright, and never on top of one another. @sigma/edge-curve's own drawer lays each glyph
 * along the curve, which turns unreadable on the tight curves of big bundles (two hubs
 * may share many relations), and sigma does not keep edge labels apart.
 */
import type { EdgeLabelDrawingFunction } from 'sigma/rendering';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Boxes of the labels drawn in the current pass; a label that would overlap one is skipped.
 * Sigma draws all edge labels in one synchronous loop (on render, and again when it redraws
 * highlighted nodes), so a pass ends at the next microtask.
 */
let drawnLabels: Box[] | null = null;

function labelSpace(): Box[] {
  if (drawnLabels === null) {
    drawnLabels = [];
    queueMicrotask(() => {
      drawnLabels = null;
    });
  }
  return drawnLabels;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export const drawEdgeLabelWithHalo: EdgeLabelDrawingFunction = (
  context,
  edgeData,
  sourceData,
  targetData,
  settings,
) => {
  let label = edgeData.label;
  if (!label) return;
  const curvature = typeof edgeData.curvature === 'number' ? edgeData.curvature : 0;
  const dx = targetData.x - sourceData.x;
  const dy = targetData.y - sourceData.y;
  const length = Math.hypot(dx, dy);
  const available = length - sourceData.size - targetData.size - 6;
  if (available < 24) return;

  context.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
  if (context.measureText(label).width > available) {
    while (label.length > 3 && context.measureText(`${label}…`).width > available) label = label.slice(0, -1);
    if (label.length <= 3) return;
    label = `${label}…`;
  }

  // The middle of the quadratic curve: halfway from the chord's middle to its control point.
  const x = (sourceData.x + targetData.x) / 2 + dy * curvature * 0.5;
  const y = (sourceData.y + targetData.y) / 2 - dx * curvature * 0.5;
  let angle = Math.atan2(dy, dx);
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle < -Math.PI / 2) angle += Math.PI;

  // The rotated label's bounding box, a little generous: cheap, and enough to keep labels apart.
  const halfWidth = context.measureText(label).width / 2 + 2;
  const halfHeight = settings.edgeLabelSize / 2 + 2;
  const cos = Math.abs(Math.cos(angle));
  const sin = Math.abs(Math.sin(angle));
  const extentX = halfWidth * cos + halfHeight * sin;
  const extentY = halfWidth * sin + halfHeight * cos;
  const box = { left: x - extentX, right: x + extentX, top: y - extentY, bottom: y + extentY };
  const space = labelSpace();
  if (space.some((drawn) => overlaps(drawn, box))) return;
  space.push(box);

  context.save();
  context.translate(x, y);
  context.rotate(angle);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  context.strokeText(label, 0, 0);
  context.fillStyle = settings.edgeLabelColor.color ?? '#4b5563';
  context.fillText(label, 0, 0);
  context.restore();
};
