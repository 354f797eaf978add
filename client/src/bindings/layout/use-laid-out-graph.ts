/** Binding: the render graph for the data, laid out in the worker before it is shown. */
import { useEffect, useState } from 'react';

import { BOUNDED_OVERVIEW_LAYOUT_ITERATIONS } from '../../core/bounded-view';
import { applyPositions, buildRenderGraph, type RenderGraph } from '../../core/graph-building';
import type { GraphData } from '../../core/graph-data';
import { runLayout } from './run-layout';

export type LaidOutGraphState =
  | { status: 'layout'; data: GraphData }
  | { status: 'ready'; data: GraphData; graph: RenderGraph }
  | { status: 'error'; data: GraphData; message: string };

export function useLaidOutGraph(data: GraphData | null): LaidOutGraphState | null {
  const [state, setState] = useState<LaidOutGraphState | null>(null);

  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    const graph = buildRenderGraph(data);
    runLayout(graph, data.bounded ? BOUNDED_OVERVIEW_LAYOUT_ITERATIONS : undefined).then(
      (positions) => {
        if (cancelled) return;
        // Observable by benchmarks (npm run bench:browser): when the layout was done.
        performance.mark('graph-laid-out');
        applyPositions(graph, positions);
        setState({ status: 'ready', data, graph });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', data, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [data]);

  if (!data) return null;
  // A state left from earlier data does not describe this data: still laying out. Refreshed
  // data (a curator's change) keeps the earlier graph on screen until its own layout is done.
  if (state?.status === 'ready' && state.data !== data) return state;
  return state && state.data === data ? state : { status: 'layout', data };
}
