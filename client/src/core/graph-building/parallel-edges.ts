/**
 * Curvature for parallel edges. Relations joining the same two entities (in either
 * direction) are fanned out symmetrically; a lone relation stays straight.
 *
 * We do not use @sigma/edge-curve's indexParallelEdgesIndex here: importing that package
 * loads sigma's WebGL code, which cannot run outside a browser (unit tests), and it treats
 * the two directions separately, while we fan out the whole bundle in one frame.
 */
import { DEFAULT_CURVATURE } from './constants';

export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

/** The widest bend of a bundle, in chord lengths: beyond it, curves would loop wide of their entities. */
export const MAX_BUNDLE_CURVATURE = 0.6;

/**
 * Spread of a bundle: each step away from the middle adds DEFAULT_CURVATURE × 1.6, up to
 * MAX_BUNDLE_CURVATURE for the outermost edge, so big bundles tighten instead of ballooning.
 */
export function bundleCurvature(offset: number, maxOffset: number): number {
  if (maxOffset <= 0) return 0;
  const maxCurvature = Math.min(MAX_BUNDLE_CURVATURE, DEFAULT_CURVATURE * 1.6 * maxOffset);
  return (maxCurvature * offset) / maxOffset;
}

/**
 * Curvature per edge id: 0 for lone edges; for bundles, offsets -k..k (in edge order), with
 * the sign flipped for edges drawn against the bundle's reference direction, since a curve
 * bends relative to its own direction.
 */
export function parallelEdgeCurvatures(edges: readonly EdgeEnds[]): Map<string, number> {
  const bundles = new Map<string, EdgeEnds[]>();
  for (const edge of edges) {
    const key = edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.push(edge);
    else bundles.set(key, [edge]);
  }
  const curvatures = new Map<string, number>();
  for (const bundle of bundles.values()) {
    const count = bundle.length;
    const maxOffset = (count - 1) / 2;
    bundle.forEach((edge, position) => {
      const offset = position - maxOffset;
      const forward = edge.source <= edge.target;
      const curvature = bundleCurvature(offset, maxOffset);
      curvatures.set(edge.id, forward || curvature === 0 ? curvature : -curvature);
    });
  }
  return curvatures;
}
