/**
 * Where node labels go on the canvas, so that no name hides another name or an entity.
 * Sigma picks which labels to try (its label grid offers the biggest entity of each cell)
 * but draws each where it falls: a name is wider than a cell and runs over its neighbours.
 * Plain geometry over one drawing pass, in viewport pixels; the canvas side is the node
 * label drawer in views/explorer/canvas/sigma-settings.ts.
 *
 * A label goes right of its entity (as sigma draws it), else left, below or above; never off
 * the canvas, over another label or over another entity's disc. Sigma offers labels cell by
 * cell, row by row, not by importance, so later entities may win over earlier labels:
 * - an entity's disc displaces the ordinary labels drawn over it, and smaller hubs' labels;
 * - a hub's label displaces the ordinary labels in its way, though not another hub's;
 * - a forced label (the selection, a hovered neighbourhood) is always drawn, and displaces
 *   the ordinary labels in its way.
 * A displaced label moves to another free side of its entity, else is erased.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelCandidate {
  /** The entity's id: displaced labels are named by it, to be drawn again. */
  key: string;
  /** The entity's centre and radius, as drawn. */
  x: number;
  y: number;
  size: number;
  /** The measured text width and the font size, in pixels. */
  width: number;
  fontSize: number;
  /**
   * Ordinary labels show where there is room; a hub's takes room from ordinary ones; a
   * forced one (the selection, a hovered neighbourhood) always shows.
   */
  priority: false | 'hub' | 'forced';
}

interface PlacedLabel {
  candidate: LabelCandidate;
  box: Box;
}

/** What one drawing pass has put on the canvas so far. */
export interface LabelPass {
  labels: PlacedLabel[];
  discs: Box[];
}

export interface LabelPlacement {
  /** Where this label's text starts, and its baseline; null when it is not drawn. */
  position: { x: number; y: number } | null;
  /** Areas to erase, before drawing: labels this one displaced. */
  erased: Box[];
  /** Displaced labels to draw again, on another side of their entity. */
  moved: { key: string; x: number; y: number }[];
}

/** Gap between an entity's disc and its label, in pixels (sigma uses 3). */
const GAP = 3;
/** Room for the label's halo around the glyphs. */
const HALO = 2;

export function newLabelPass(): LabelPass {
  return { labels: [], discs: [] };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The canvas's size in pixels; Infinity where unknown. */
export interface Canvas {
  width: number;
  height: number;
}

const NO_BOUNDS: Canvas = { width: Infinity, height: Infinity };

/**
 * Where the label may go, in order of preference: right of the entity (as sigma draws it),
 * left, then centred below or above; those that lie within the canvas.
 */
function sides(candidate: LabelCandidate, canvas: Canvas): Box[] {
  const { x, y, size, width, fontSize } = candidate;
  const height = fontSize * 1.05 + 2 * HALO;
  // Sigma's baseline puts the text's middle on the entity's centre.
  const middle = { top: y - height / 2, bottom: y + height / 2 };
  const centred = { left: x - width / 2 - HALO, right: x + width / 2 + HALO };
  const boxes = [
    { left: x + size + GAP - HALO, right: x + size + GAP + width + HALO, ...middle },
    { left: x - size - GAP - width - HALO, right: x - size - GAP + HALO, ...middle },
    { ...centred, top: y + size + 1, bottom: y + size + 1 + height },
    { ...centred, top: y - size - 1 - height, bottom: y - size - 1 },
  ];
  return boxes.filter(
    (box) => box.left >= 0 && box.top >= 0 && box.right <= canvas.width && box.bottom <= canvas.height,
  );
}

/** Where the text starts, and its baseline (the text's middle on the box's middle). */
function textPosition(placed: PlacedLabel): { x: number; y: number } {
  const { box, candidate } = placed;
  return { x: box.left + HALO, y: (box.top + box.bottom) / 2 + candidate.fontSize / 3 };
}

function isFree(pass: LabelPass, box: Box): boolean {
  return !pass.labels.some((label) => overlaps(label.box, box)) && !pass.discs.some((disc) => overlaps(disc, box));
}

/**
 * The first side free of labels and discs. Failing that, a hub's label takes the first side
 * not held by another priority label, and a forced label the first side on the canvas (or
 * right of its entity, when none is).
 */
function chooseSide(pass: LabelPass, candidate: LabelCandidate, canvas: Canvas): Box | null {
  const candidates = sides(candidate, canvas);
  const free = candidates.find((side) => isFree(pass, side));
  if (free || candidate.priority === false) return free ?? null;
  const heldByPriority = (side: Box) =>
    pass.labels.some((label) => label.candidate.priority !== false && overlaps(label.box, side));
  const taken = candidates.find((side) => !heldByPriority(side));
  if (taken || candidate.priority === 'hub') return taken ?? null;
  return candidates[0] ?? sides(candidate, NO_BOUNDS)[0] ?? null;
}

/** Places one label and records it, and its entity's disc, in the pass. */
export function placeLabel(pass: LabelPass, candidate: LabelCandidate, canvas: Canvas): LabelPlacement {
  const { x, y, size } = candidate;
  const disc = { left: x - size, right: x + size, top: y - size, bottom: y + size };
  const displaced: PlacedLabel[] = [];
  const displace = (predicate: (label: PlacedLabel) => boolean) => {
    displaced.push(...pass.labels.filter(predicate));
    pass.labels = pass.labels.filter((label) => !predicate(label));
  };
  // A disc displaces ordinary labels, and hubs' labels when it is the bigger entity's.
  displace(
    ({ box, candidate: placed }) =>
      overlaps(box, disc) && (placed.priority === false || (placed.priority === 'hub' && placed.size < size)),
  );
  pass.discs.push(disc);

  const chosen = chooseSide(pass, candidate, canvas);
  if (chosen && candidate.priority !== false) {
    displace(({ box, candidate: placed }) => placed.priority === false && overlaps(box, chosen));
  }
  const placed = chosen ? { candidate, box: chosen } : null;
  if (placed) pass.labels.push(placed);

  const moved: LabelPlacement['moved'] = [];
  for (const label of displaced) {
    const other = sides(label.candidate, canvas).find((side) => isFree(pass, side));
    if (!other) continue;
    const again = { candidate: label.candidate, box: other };
    pass.labels.push(again);
    moved.push({ key: label.candidate.key, ...textPosition(again) });
  }
  return { position: placed && textPosition(placed), erased: displaced.map((label) => label.box), moved };
}

/**
 * The highlight box drawn under a hovered or selected entity's name: the text at `position`
 * (where it starts, and its baseline, as placeLabel gives it) with its halo and a margin, so
 * the name drawn beneath on the labels layer never shows past its edge. `width` must be
 * measured in the font the name is drawn in.
 */
export function labelHighlightBox(position: { x: number; y: number }, width: number, fontSize: number): Box {
  const margin = HALO + 2;
  // The baseline sits a third of the font size below the text's middle (textPosition).
  const middle = position.y - fontSize / 3;
  const half = (fontSize * 1.05) / 2 + margin;
  return { left: position.x - margin, right: position.x + width + margin, top: middle - half, bottom: middle + half };
}

/** Where sigma puts a label when nothing else decided: right of its entity. */
export function defaultLabelPosition(x: number, y: number, size: number, fontSize: number): { x: number; y: number } {
  return { x: x + size + GAP, y: y + fontSize / 3 };
}
