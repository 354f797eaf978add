/**
 * The loaded graph as React context: the data graph and the colour of each entity type, read
 * by every page and by shared components (TypeBadge) without threading them through props.
 * Provided once by AppShell after the graph has loaded.
 */
import { createContext, useContext } from 'react';

import type { GraphData } from '../core/graph-data';

export interface LoadedGraph {
  data: GraphData;
  colors: ReadonlyMap<string, string>;
}

export const LoadedGraphContext = createContext<LoadedGraph | null>(null);

/** Loads the graph again after the data changed (a curator's change); what is shown stays until it is in. */
export const GraphRefreshContext = createContext<() => void>(() => {});

export function useGraphRefresh(): () => void {
  return useContext(GraphRefreshContext);
}

export function useLoadedGraph(): LoadedGraph {
  const value = useContext(LoadedGraphContext);
  if (!value) throw new Error('useLoadedGraph must be used inside <LoadedGraphContext.Provider>.');
  return value;
}
