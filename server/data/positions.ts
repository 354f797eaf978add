/**
 * Positions in a list: where the graph index and the snapshot store references to ids as
 * numbers (typed arrays of positions, frames of positions), this is the one way an id's
 * position is found.
 */

/** Each item's position in `items`; the items are distinct (ids). */
export function positionsOf<T>(items: Iterable<T>): Map<T, number> {
  const positions = new Map<T, number>();
  for (const item of items) positions.set(item, positions.size);
  return positions;
}
