import { createContext, useContext } from 'react';

import type { GraphData } from '../core/graph-data';

/** Read-only context of the explorer: the loaded data graph and the colour of each entity type. */
export interface ExplorerContextValue {
  data: GraphData;
  colors: ReadonlyMap<string, string>;
}

export const ExplorerContext = createContext<ExplorerContextValue | null>(null);

export function useExplorerData(): ExplorerContextValue {
  const value = useContext(ExplorerContext);
  if (!value) throw new Error('useExplorerData must be used inside <ExplorerContext.Provider>.');
  return value;
}
