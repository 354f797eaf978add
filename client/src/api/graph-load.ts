/**
 * One load of the whole graph (loadGraphData), with its latest progress for whoever listens,
 * and the first load, which the opening requests (opening-requests.ts) begin before the
 * interface's code runs. No React here: this module is evaluated before React is.
 */
import type { Client } from '@urql/core';

import type { GraphData } from '../core/graph-data';
import { renderGraphOf } from '../core/graph-building';
import { loadGraphDataInStages, type LoadProgress } from './load-graph';

export interface GraphLoad {
  client: Client;
  /** The graph to draw, then the same graph with every source (load-graph.ts StagedGraphLoad). */
  loaded: Promise<GraphData>;
  complete: Promise<GraphData>;
  /** `loaded`'s value once it is in: a view rendered after that starts with it, not with a loading screen. */
  first: GraphData | null;
  progress: LoadProgress | null;
  onProgress: ((progress: LoadProgress) => void) | null;
}

/**
 * The second stage of a load (the sources' later pages) asks once the explorer has drawn its
 * first frame (firstFrameDrawn), or after SECOND_STAGE_AT_LATEST_MS on a page that draws no graph.
 */
const SECOND_STAGE_AT_LATEST_MS = 1500;
let markDrawn: () => void = () => undefined;
const drawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Tells the loads that the graph is on screen: their second stages may ask now. */
export function firstFrameDrawn(): void {
  markDrawn();
}

export function startGraphLoad(client: Client): GraphLoad {
  // Observable by benchmarks (npm run bench:browser): when the app asked for the graph.
  performance.mark('graph-data-requested');
  const listened: Pick<GraphLoad, 'first' | 'progress' | 'onProgress'> = {
    first: null,
    progress: null,
    onProgress: null,
  };
  const { first: loaded, complete } = loadGraphDataInStages(
    client,
    (progress) => {
      listened.progress = progress;
      listened.onProgress?.(progress);
    },
    drawn,
  );
  loaded.then(
    (first) => {
      setTimeout(firstFrameDrawn, SECOND_STAGE_AT_LATEST_MS);
      // Observable by benchmarks (npm run bench:browser): when the data was in.
      performance.mark('graph-data-loaded');
      listened.first = first;
      // Its picture too, now: before the first render, the main thread would wait for the
      // interface's code otherwise (opening-requests.ts runs ahead of it).
      renderGraphOf(first);
    },
    // Not left unhandled before a hook awaits it: its failure surfaces there.
    () => undefined,
  );
  return Object.assign(listened, { client, loaded, complete });
}

/** The load begun before the interface rendered, for the first useGraphData of that client. */
let firstLoad: GraphLoad | null = null;

/** Asks for the graph now, before the interface renders: the requests need not wait for it. */
export function beginGraphLoad(client: Client): void {
  firstLoad = startGraphLoad(client);
}

/** The load begun for `client` before the interface rendered; null for another client. */
export function firstGraphLoad(client: Client): GraphLoad | null {
  return firstLoad?.client === client ? firstLoad : null;
}
