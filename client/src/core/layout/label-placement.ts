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
 * - a forced label (the neighbours of the selection or of a hovered entity) is offered
 *   whatever sigma's grid says, and displaces the ordinary labels in its way; where every
 *   side is held by another priority label it is left out, as a hub's is, rather than drawn
 *   over it (both would be unreadable): it shows on hover or zoomed in;
 * - the selection's label is always drawn, and displaces any label in its way.
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
  /**
   * The text width and the font size, in pixels. The width may be given as a measure to take
   * only when the label may be drawn (DeferredWidth): most labels sigma offers do not fit.
   */
  width: number | DeferredWidth;
  fontSize: number;
  /**
   * Ordinary labels show where there is room; a hub's and a forced one (a neighbour of the
   * selection or of a hovered entity) take room from ordinary ones; the selection's always shows.
   */
  priority: false | 'hub' | 'forced' | 'selected';
}

/**
 * A width measured on demand, with a lower bound: an ordinary label with no free side at its
 * lower bound has none at its width either (each side's box at a smaller width lies inside the
 * box at the larger), so it is turned down unmeasured, and placed exactly as if measured.
 */
export interface DeferredWidth {
  atLeast: number;
  measure: () => number;
}

/** A candidate whose width is known. */
type MeasuredCandidate = LabelCandidate & { width: number };

interface PlacedLabel {
  candidate: MeasuredCandidate;
  box: Box;
  /** Placement order: displaced labels are handled in the order they were placed. */
  order: number;
}

/** What one drawing pass has put on the canvas so far. */
export interface LabelPass {
  /** The labels on the canvas, in the order they were placed (a set: displaced ones leave in one step). */
  labels: Set<PlacedLabel>;
  discs: Box[];
  /**
   * The same labels and discs by the grid cells they touch, so that a placement looks only at
   * its neighbours: scanning every label and disc for every label made a pass quadratic (tens
   * of milliseconds for the 500 entities of an overview).
   */
  cells: Map<number, { labels: PlacedLabel[]; discs: Box[] }>;
  placed: number;
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
  return { labels: new Set(), discs: [], cells: new Map(), placed: 0 };
}

/** Grid cells, in pixels: about a short name's width. */
const CELL = 64;
/** Cells per row in a cell's number; far more than any canvas (or the room around it) holds. */
const ROW = 1 << 16;

/** The numbers of the grid cells `box` touches. */
function cellsOf(box: Box): number[] {
  const cells: number[] = [];
  const left = Math.floor(box.left / CELL);
  const right = Math.floor(box.right / CELL);
  const top = Math.floor(box.top / CELL);
  const bottom = Math.floor(box.bottom / CELL);
  for (let x = left; x <= right; x++) for (let y = top; y <= bottom; y++) cells.push((x + ROW / 2) * ROW + y + ROW / 2);
  return cells;
}

function cellAt(pass: LabelPass, cell: number) {
  let content = pass.cells.get(cell);
  if (!content) pass.cells.set(cell, (content = { labels: [], discs: [] }));
  return content;
}

function addLabel(pass: LabelPass, candidate: MeasuredCandidate, box: Box): PlacedLabel {
  const placed = { candidate, box, order: pass.placed++ };
  pass.labels.add(placed);
  for (const cell of cellsOf(box)) cellAt(pass, cell).labels.push(placed);
  return placed;
}

function addDisc(pass: LabelPass, disc: Box): void {
  pass.discs.push(disc);
  for (const cell of cellsOf(disc)) cellAt(pass, cell).discs.push(disc);
}

/** The labels overlapping `box`, in the order they were placed. */
function labelsOver(pass: LabelPass, box: Box): PlacedLabel[] {
  const cells = cellsOf(box);
  // A cell lists its labels in the order they were placed; a label over several cells is found once.
  if (cells.length === 1) return (pass.cells.get(cells[0]!)?.labels ?? []).filter((label) => overlaps(label.box, box));
  const found = new Set<PlacedLabel>();
  for (const cell of cells) {
    for (const label of pass.cells.get(cell)?.labels ?? []) if (overlaps(label.box, box)) found.add(label);
  }
  return [...found].sort((a, b) => a.order - b.order);
}

/** Takes `displaced` off the canvas. */
function removeLabels(pass: LabelPass, displaced: readonly PlacedLabel[]): void {
  for (const label of displaced) {
    pass.labels.delete(label);
    for (const cell of cellsOf(label.box)) {
      const content = pass.cells.get(cell)!;
      content.labels = content.labels.filter((other) => other !== label);
    }
  }
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
function sides(candidate: MeasuredCandidate, canvas: Canvas): Box[] {
  const { x, y, size, width, fontSize } = candidate;
  const height = fontSize * 1.05 + 2 * HALO;
  // Sigma's baseline puts the text's middle on the entity's centre.
  const [top, bottom] = [y - height / 2, y + height / 2];
  const [left, right] = [x - width / 2 - HALO, x + width / 2 + HALO];
  const boxes: Box[] = [];
  // Plain pushes, not spreads and a filter: this runs for every label of every frame.
  const keep = (box: Box) => {
    if (box.left >= 0 && box.top >= 0 && box.right <= canvas.width && box.bottom <= canvas.height) boxes.push(box);
  };
  keep({ left: x + size + GAP - HALO, right: x + size + GAP + width + HALO, top, bottom });
  keep({ left: x - size - GAP - width - HALO, right: x - size - GAP + HALO, top, bottom });
  keep({ left, right, top: y + size + 1, bottom: y + size + 1 + height });
  keep({ left, right, top: y - size - 1 - height, bottom: y - size - 1 });
  return boxes;
}

/** Where the text starts, and its baseline (the text's middle on the box's middle). */
function textPosition(placed: PlacedLabel): { x: number; y: number } {
  const { box, candidate } = placed;
  return { x: box.left + HALO, y: (box.top + box.bottom) / 2 + candidate.fontSize / 3 };
}

/** No label (of those `blocking` picks) and, when every label counts, no disc over `box`. */
function isFree(pass: LabelPass, box: Box, blocking?: (label: PlacedLabel) => boolean): boolean {
  for (const cell of cellsOf(box)) {
    const content = pass.cells.get(cell);
    if (!content) continue;
    for (const label of content.labels) if (overlaps(label.box, box) && (!blocking || blocking(label))) return false;
    if (!blocking) for (const disc of content.discs) if (overlaps(disc, box)) return false;
  }
  return true;
}

/**
 * The first side free of labels and discs. Failing that, a hub's or a forced label takes the
 * first side not held by another priority label, and the selection's the first side on the
 * canvas (or right of its entity, when none is).
 */
function chooseSide(pass: LabelPass, candidate: MeasuredCandidate, canvas: Canvas): Box | null {
  const candidates = sides(candidate, canvas);
  const free = candidates.find((side) => isFree(pass, side));
  if (free || candidate.priority === false) return free ?? null;
  const heldByPriority = (side: Box) => !isFree(pass, side, (label) => label.candidate.priority !== false);
  const taken = candidates.find((side) => !heldByPriority(side));
  if (taken || candidate.priority !== 'selected') return taken ?? null;
  return candidates[0] ?? sides(candidate, NO_BOUNDS)[0] ?? null;
}

/** Places one label and records it, and its entity's disc, in the pass. */
export function placeLabel(pass: LabelPass, candidate: LabelCandidate, canvas: Canvas): LabelPlacement {
  const { x, y, size } = candidate;
  const disc = { left: x - size, right: x + size, top: y - size, bottom: y + size };
  const displaced: PlacedLabel[] = [];
  /** Takes off the canvas the labels over `area` that `predicate` picks. */
  const displace = (area: Box, predicate: (label: PlacedLabel) => boolean) => {
    const picked = labelsOver(pass, area).filter(predicate);
    removeLabels(pass, picked);
    displaced.push(...picked);
  };
  // A disc displaces ordinary labels, and hubs' labels when it is the bigger entity's.
  displace(
    disc,
    ({ candidate: placed }) => placed.priority === false || (placed.priority === 'hub' && placed.size < size),
  );
  addDisc(pass, disc);

  const deferred = typeof candidate.width === 'number' ? null : candidate.width;
  const turnedDown =
    deferred !== null &&
    candidate.priority === false &&
    !sides({ ...candidate, width: deferred.atLeast }, canvas).some((side) => isFree(pass, side));
  const measured = turnedDown
    ? null
    : { ...candidate, width: deferred ? deferred.measure() : (candidate.width as number) };
  const chosen = measured && chooseSide(pass, measured, canvas);
  if (chosen && candidate.priority === 'selected') {
    displace(chosen, ({ candidate: placed }) => placed.priority !== 'selected');
  } else if (chosen && candidate.priority !== false) {
    displace(chosen, ({ candidate: placed }) => placed.priority === false);
  }
  const placed = chosen && measured ? addLabel(pass, measured, chosen) : null;

  const moved: LabelPlacement['moved'] = [];
  for (const label of displaced) {
    const other = sides(label.candidate, canvas).find((side) => isFree(pass, side));
    if (!other) continue;
    const again = addLabel(pass, label.candidate, other);
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
