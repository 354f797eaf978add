/**
 * Root: load the graph (with the server's positions for it), then show the view the URL
 * names. Every state has a face: loading (with progress), API error with a retry.
 */
import { useMemo } from 'react';

import { useGraphData } from './api/use-graph-data';
import { GraphRefreshContext } from './bindings/loaded-graph';
import { ErrorState } from './components/ErrorState';
import { LoadingState } from './components/LoadingState';
import { renderGraphOf } from './core/graph-building';
import { AppShell } from './views/AppShell';

export function App() {
  const { state, retry, refresh } = useGraphData();
  const data = state.status === 'ready' ? state.data : null;
  const drawnFrom = state.status === 'ready' ? state.drawnFrom : null;
  // Built once per load; the render graph then changes only by expansions (bindings/use-expansions).
  const graph = useMemo(() => drawnFrom && renderGraphOf(drawnFrom), [drawnFrom]);

  if (state.status === 'error') {
    return <ErrorState title="Could not load the graph" message={state.message} onRetry={retry} />;
  }
  if (!data || !graph) return <LoadingState progress={state.status === 'loading' ? state.progress : null} />;
  return (
    <GraphRefreshContext.Provider value={refresh}>
      <AppShell data={data} graph={graph} />
    </GraphRefreshContext.Provider>
  );
}
