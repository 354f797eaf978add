/**
 * Camera requests: where the view should move after a user action (choose a search result,
 * fit the graph, enter focus). Kept as data so controllers, not views, talk to sigma; each
 * request is a new object, and a controller acts once per object.
 */
export type CameraRequest = { kind: 'entity'; id: string } | { kind: 'fit'; ids: readonly string[] | null };

export const cameraToEntity = (id: string): CameraRequest => ({ kind: 'entity', id });
export const cameraFit = (ids: readonly string[] | null = null): CameraRequest => ({ kind: 'fit', ids });

export interface CameraTarget {
  x: number;
  y: number;
  ratio: number;
}

/**
 * A camera state that shows every point, in sigma's framed coordinates (the whole graph
 * spans about 0..1, and ratio 1 shows all of it). Padding leaves room for labels.
 */
export function fitPoints(
  points: readonly { x: number; y: number }[],
  padding = 1.3,
  minRatio = 0.12,
): CameraTarget | null {
  if (points.length === 0) return null;
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
  const ratio = Math.min(1.2, Math.max(minRatio, Math.max(maxX - minX, maxY - minY) * padding));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
}
