/**
 * ForceAtlas2 iterations in a worker thread (forceatlas2-iterations.mjs): a layout takes
 * about a second of CPU for an overview of 500 entities, which the server's event loop
 * should not wait on.
 */
import { Worker } from 'node:worker_threads';

import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/** The layout as ForceAtlas2 works on it (graphology-layout-forceatlas2's helpers.graphToByteArrays). */
export interface LayoutMatrices {
  nodes: Float32Array;
  edges: Float32Array;
}

/** Beside this module in the sources, beside main.js in the build (package.json build:server copies it). */
const ITERATIONS_SCRIPT = new URL('./forceatlas2-iterations.mjs', import.meta.url);

/** The node matrix after `iterations` of ForceAtlas2 from `matrices`. */
export function iterateInWorker(
  settings: Required<ForceAtlas2Settings>,
  matrices: LayoutMatrices,
  iterations: number,
): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ITERATIONS_SCRIPT, {
      workerData: { settings, nodes: matrices.nodes, edges: matrices.edges, iterations },
    });
    worker.once('message', (nodes: Float32Array) => {
      resolve(nodes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`The layout worker stopped (exit code ${code}) before it answered.`)),
    );
  });
}
