/**
 * A worker thread's job (server/graph/forceatlas2-worker.ts): `iterations` of ForceAtlas2 over
 * the layout's matrices, sent back when done. Plain JavaScript, so that it runs as is from the
 * sources, the build (copied beside server/dist/main.js) and the tests; and in a worker, so
 * that the server answers requests meanwhile, and the tests, whose own module sandbox makes
 * this loop about twenty times slower, run it at full speed.
 */
import { parentPort, workerData } from 'node:worker_threads';

import iterate from 'graphology-layout-forceatlas2/iterate.js';

const { settings, nodes, edges, iterations } = workerData;
for (let i = 0; i < iterations; i++) iterate(settings, nodes, edges);
parentPort.postMessage(nodes, [nodes.buffer]);
