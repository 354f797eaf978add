/**
 * Layout binding: sends the render graph's nodes and edges to the layout worker and
 * resolves with positions. Falls back to the main thread where workers are unavailable.
 */
import type { RenderGraph } from '../../core/graph-building';
import { computeLayout, layoutInput, type LayoutPositions } from '../../core/layout';

let nextRequest = 0;

/** `iterations`, when given, is the structure phase's budget in place of the one the graph's size sets. */
export function runLayout(graph: RenderGraph, iterations?: number): Promise<LayoutPositions> {
  const input = { ...layoutInput(graph), iterations };
  if (typeof Worker === 'undefined') return Promise.resolve(computeLayout(input));
  return new Promise((resolve, reject) => {
    const id = ++nextRequest;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; positions?: LayoutPositions; error?: string }>) => {
      if (event.data.id !== id) return;
      worker.terminate();
      if (event.data.positions) resolve(event.data.positions);
      else reject(new Error(`The layout failed: ${event.data.error ?? 'unknown error'}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      // A worker that cannot start (blocked script, old browser) should not cost the picture.
      console.warn('Layout worker failed, laying out on the main thread:', event.message);
      resolve(computeLayout(input));
    };
    worker.postMessage({ id, input });
  });
}
