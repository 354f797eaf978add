/**
 * Initial positions derived from ids alone (FNV-1a hashes), so that the layout starts, and
 * therefore ends, in the same place for the same data, on every machine and every load.
 */

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A point in a disc whose area grows with the number of nodes. */
export function seedPosition(id: string, nodeCount: number): { x: number; y: number } {
  const radius = 10 * Math.sqrt(Math.max(1, nodeCount));
  const angle = (fnv1a(id) / 0x100000000) * 2 * Math.PI;
  const distance = Math.sqrt(fnv1a(id, 0x9747b28c) / 0x100000000) * radius;
  return { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
}
