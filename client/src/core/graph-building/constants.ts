/** Same value as @sigma/edge-curve's DEFAULT_EDGE_CURVATURE (kept here: that package needs WebGL to load). */
export const DEFAULT_CURVATURE = 0.25;
