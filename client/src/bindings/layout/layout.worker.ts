/// <reference lib="webworker" />
/**
 * Runs the layout off the main thread, so the interface never blocks while it computes.
 */
import { computeLayout, type LayoutInput } from '../../core/layout/compute-layout';

self.onmessage = (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, positions: computeLayout(input) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
