/**
 * The parts of graphology-layout-forceatlas2 that its `assign` is made of (the package ships
 * them as files without types): server/graph/layout.ts runs the iterations in a worker thread.
 */
declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph } from 'graphology-types';
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  const helpers: {
    validateSettings(settings: ForceAtlas2Settings): { message: string } | null;
    graphToByteArrays(graph: AbstractGraph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
    assignLayoutChanges(graph: AbstractGraph, nodes: Float32Array, outputReducer: null): void;
  };
  export default helpers;
}
