/**
 * Binding: the whole graph from the API, with progress, a retry after a failure, and a refresh
 * after the data changed (a curator's change), which keeps the graph shown until the new one is in.
 * The first load begins before React renders (beginGraphLoad, from main.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { useClient, type Client } from 'urql';

import type { GraphData } from '../core/graph-data';
import { loadGraphData, type LoadProgress } from './load-graph';

export type GraphDataState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: GraphData };

/** A load of the graph, with its latest progress for whoever listens. */
interface GraphLoad {
  client: Client;
  loaded: Promise<GraphData>;
  progress: LoadProgress | null;
  onProgress: ((progress: LoadProgress) => void) | null;
}

function startLoad(client: Client): GraphLoad {
  // Observable by benchmarks (npm run bench:browser): when the app asked for the graph.
  performance.mark('graph-data-requested');
  const listened: Pick<GraphLoad, 'progress' | 'onProgress'> = { progress: null, onProgress: null };
  const loaded = loadGraphData(client, (progress) => {
    listened.progress = progress;
    listened.onProgress?.(progress);
  });
  // Not left unhandled before a hook awaits it: its failure surfaces there.
  loaded.catch(() => undefined);
  return Object.assign(listened, { client, loaded });
}

/** The load main.tsx begins before React first renders, for the first useGraphData of that client. */
let firstLoad: GraphLoad | null = null;

/** Asks for the graph now, before the interface renders: the requests need not wait for it. */
export function beginGraphLoad(client: Client): void {
  firstLoad = startLoad(client);
}

export function useGraphData(): { state: GraphDataState; retry: () => void; refresh: () => void } {
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<GraphDataState>({ status: 'loading', progress: null });

  useEffect(() => {
    let cancelled = false;
    const load = attempt === 0 && firstLoad?.client === client ? firstLoad : startLoad(client);
    const report = (progress: LoadProgress) => {
      if (!cancelled) setState((shown) => (shown.status === 'ready' ? shown : { status: 'loading', progress }));
    };
    load.onProgress = report;
    if (load.progress) report(load.progress);
    load.loaded.then(
      (data) => {
        // Observable by benchmarks (npm run bench:browser): when the data was in.
        performance.mark('graph-data-loaded');
        if (!cancelled) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
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
