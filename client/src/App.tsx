/**
 * Root: load the whole graph, lay it out, then show the view the URL names. Every state has
 * a face: loading (with progress), laying out, API error with a retry.
 */
import { useGraphData } from './api/use-graph-data';
import { useLaidOutGraph } from './bindings/layout/use-laid-out-graph';
import { GraphRefreshContext } from './bindings/loaded-graph';
import { ErrorState } from './components/ErrorState';
import { LoadingState } from './components/LoadingState';
import { AppShell } from './views/AppShell';

export function App() {
  const { state, retry, refresh } = useGraphData();
  const laidOut = useLaidOutGraph(state.status === 'ready' ? state.data : null);

  if (state.status === 'error') {
    return <ErrorState title="Could not load the graph" message={state.message} onRetry={retry} />;
  }
  if (state.status === 'loading') return <LoadingState phase="loading" progress={state.progress} />;
  if (!laidOut || laidOut.status === 'layout') return <LoadingState phase="layout" progress={null} />;
  if (laidOut.status === 'error') {
    return (
      <ErrorState
        title="Could not lay out the graph"
        message={`${laidOut.message}. Reload the page to try again.`}
        onRetry={() => window.location.reload()}
      />
    );
  }
  return (
    <GraphRefreshContext.Provider value={refresh}>
      <AppShell data={laidOut.data} graph={laidOut.graph} />
    </GraphRefreshContext.Provider>
  );
}
