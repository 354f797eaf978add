/**
 * Camera intents: what the explorer wants the camera to show, said once, by whoever decides
 * it (a user action, a focus or paths arriving), and carried out in the order asked by the
 * one camera controller. Kept as data, so views never talk to sigma.
 */
export type CameraIntent =
  /** Every entity; `instant` jumps there (the first view) instead of animating. */
  | { kind: 'fit-all'; instant?: boolean }
  /** One entity, close enough to read its neighbours (a search result, a list choice). */
  | { kind: 'show-entity'; id: string }
  /** A set of entities: the selection's ends, a focus, the shown paths, what the filters keep, an expansion's. */
  | { kind: 'fit-selection' | 'fit-focus' | 'fit-path' | 'fit-visible' | 'fit-expansion'; ids: readonly string[] };

export const fitAll = (options: { instant?: boolean } = {}): CameraIntent =>
  options.instant ? { kind: 'fit-all', instant: true } : { kind: 'fit-all' };

export const showEntity = (id: string): CameraIntent => ({ kind: 'show-entity', id });

/** The entities an intent fits, or null for every entity (show-entity is a move, not a fit). */
export function intentEntities(intent: CameraIntent): readonly string[] | null {
  switch (intent.kind) {
    case 'fit-all':
    case 'show-entity':
      return null;
    default:
      return intent.ids;
  }
}

export interface CameraTarget {
  x: number;
  y: number;
  ratio: number;
}

/** Room taken along the canvas's edges by what is drawn over it (legend, toolbars), in CSS pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The canvas a fit is computed for. */
export interface CameraFrame {
  /** The canvas, in CSS pixels. */
  width: number;
  height: number;
  /** Overlays along its edges: points are kept out of these strips. */
  insets: Insets;
  /**
   * Framed-graph units per CSS pixel at camera ratio 1, per axis and signed (sigma's framed
   * y grows upwards, the viewport's downwards). At ratio r a pixel spans r times as much.
   */
  unitsPerPixel: { x: number; y: number };
}

export interface FitOptions {
  /** Clear space kept around the points' discs, in pixels: the start of their labels. */
  margin?: number;
  /**
   * A disc's radius on screen at a camera ratio, from its size (`radius` on a point).
   * Sigma draws discs bigger as the camera zooms in, so a fit that zooms in must keep more
   * room for a big entity at the edge; without it, discs count as points.
   */
  radiusAt?: (size: number, ratio: number) => number;
  /** Closest zoom, so fitting one entity does not fill the screen with it. */
  minRatio?: number;
  maxRatio?: number;
}

/**
 * A camera state (in sigma's framed coordinates) that shows every point inside the part of
 * the canvas that no overlay covers, less a margin: the points' box is centred in that free
 * area and scaled to fit it. When overlays leave less than a quarter of the canvas either
 * way, they are ignored on that axis rather than shrinking the graph to a dot.
 */
export function fitPoints(
  points: readonly { x: number; y: number; radius?: number }[],
  frame: CameraFrame,
  options: FitOptions = {},
): CameraTarget | null {
  const { margin = 40, radiusAt } = options;
  const biggest = Math.max(0, ...points.map((point) => point.radius ?? 0));
  if (!radiusAt || biggest === 0) return fitWithMargin(points, frame, margin, options);
  // The room a disc needs depends on the ratio the fit chooses: a few rounds settle it
  // (each round's ratio is within a few per cent of the last), and the last is checked.
  let room = margin + radiusAt(biggest, options.maxRatio ?? 3);
  let target = fitWithMargin(points, frame, room, options);
  for (let round = 0; round < 8 && target; round++) {
    const needed = margin + radiusAt(biggest, target.ratio);
    if (needed <= room) break;
    // A little over what this ratio needs, so the rounds climb to a ratio that has room.
    room = needed * 1.02;
    target = fitWithMargin(points, frame, room, options);
  }
  return target;
}

function fitWithMargin(
  points: readonly { x: number; y: number }[],
  frame: CameraFrame,
  margin: number,
  { minRatio = 0.12, maxRatio = 3 }: FitOptions,
): CameraTarget | null {
  if (points.length === 0 || frame.width <= 0 || frame.height <= 0) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }

  const freeSpan = (size: number, before: number, after: number) => {
    const withInsets = size - before - after - 2 * margin;
    return withInsets >= size / 4
      ? { start: before + margin, span: withInsets }
      : { start: margin, span: Math.max(1, size - 2 * margin) };
  };
  const free = {
    x: freeSpan(frame.width, frame.insets.left, frame.insets.right),
    y: freeSpan(frame.height, frame.insets.top, frame.insets.bottom),
  };
  const unitsX = Math.abs(frame.unitsPerPixel.x);
  const unitsY = Math.abs(frame.unitsPerPixel.y);
  const needed = Math.max((maxX - minX) / (unitsX * free.x.span), (maxY - minY) / (unitsY * free.y.span));
  const ratio = Math.min(maxRatio, Math.max(minRatio, needed));

  // The camera looks at the canvas's centre: shift it so the box's centre lands on the free area's.
  const shiftX = free.x.start + free.x.span / 2 - frame.width / 2;
  const shiftY = free.y.start + free.y.span / 2 - frame.height / 2;
  return {
    x: (minX + maxX) / 2 - shiftX * frame.unitsPerPixel.x * ratio,
    y: (minY + maxY) / 2 - shiftY * frame.unitsPerPixel.y * ratio,
    ratio,
  };
}

/** Where a point in framed coordinates lands on the canvas for a camera state (the inverse of the fit). */
export function framedToViewport(
  point: { x: number; y: number },
  camera: CameraTarget,
  frame: Pick<CameraFrame, 'width' | 'height' | 'unitsPerPixel'>,
): { x: number; y: number } {
  return {
    x: frame.width / 2 + (point.x - camera.x) / (frame.unitsPerPixel.x * camera.ratio),
    y: frame.height / 2 + (point.y - camera.y) / (frame.unitsPerPixel.y * camera.ratio),
  };
}

/**
 * The insets overlays take: each overlay's box (relative to the canvas) counts against the
 * edge it is nearer to, top or bottom, since overlays here are strips along those edges.
 */
export function overlayInsets(
  canvas: { width: number; height: number },
  overlays: readonly { top: number; bottom: number }[],
): Insets {
  const insets = { ...NO_INSETS };
  for (const box of overlays) {
    if (box.bottom <= 0 || box.top >= canvas.height) continue;
    if ((box.top + box.bottom) / 2 < canvas.height / 2) insets.top = Math.max(insets.top, box.bottom);
    else insets.bottom = Math.max(insets.bottom, canvas.height - box.top);
  }
  return insets;
}
