/**
 * Binding: the whole graph from the API, with progress, a retry after a failure, and a refresh
 * after the data changed (a curator's change), which keeps the graph shown until the new one is in.
 * The first load begins before React renders (api/opening-requests.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';

import type { GraphData } from '../core/graph-data';
import { startGraphLoad, firstGraphLoad } from './graph-load';
import type { LoadProgress } from './load-graph';

export type GraphDataState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      data: GraphData;
      /**
       * The load's first stage, which the picture is built from: the sources' later pages
       * (GraphData.sourcesComplete) replace `data` but change nothing drawn, so the render graph
       * (and whatever was expanded on it) stays.
       */
      drawnFrom: GraphData;
    };

export function useGraphData(): { state: GraphDataState; retry: () => void; refresh: () => void } {
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<GraphDataState>({ status: 'loading', progress: null });

  useEffect(() => {
    let cancelled = false;
    const load = (attempt === 0 && firstGraphLoad(client)) || startGraphLoad(client);
    const report = (progress: LoadProgress) => {
      if (!cancelled) setState((shown) => (shown.status === 'ready' ? shown : { status: 'loading', progress }));
    };
    load.onProgress = report;
    if (load.progress) report(load.progress);
    const fail = (error: unknown) => {
      if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    };
    load.loaded.then((first) => {
      // Observable by benchmarks (npm run bench:browser): when the data was in.
      performance.mark('graph-data-loaded');
      if (cancelled) return;
      setState({ status: 'ready', data: first, drawnFrom: first });
      load.complete.then((complete) => {
        if (cancelled || complete === first) return;
        setState((shown) =>
          shown.status === 'ready' && shown.drawnFrom === first ? { ...shown, data: complete } : shown,
        );
      }, fail);
    }, fail);
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading', progress: null });
    setAttempt((count) => count + 1);
  }, []);

  const refresh = useCallback(() => setAttempt((count) => count + 1), []);

  return { state, retry, refresh };
}
