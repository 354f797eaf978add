/**
 * Links from other views into the graph: the graph as it was last shown, changed by a
 * producer (select this relation, keep only this source, compare these two).
 */
import { useCallback } from 'react';

import { type ExplorerProducer } from '../core/explorer-state';
import { explorerHref, parseExplorerUrl, sanitizeExplorerState } from '../core/url-state';
import { useNavigation } from './use-navigation';
import { useLoadedGraph } from './loaded-graph';

export function useGraphLink(): (producer?: ExplorerProducer) => string {
  const { data } = useLoadedGraph();
  const { location } = useNavigation();
  return useCallback(
    (producer) => {
      const state = sanitizeExplorerState(parseExplorerUrl(location.graphSearch), data).state;
      return explorerHref(producer ? producer(state) : state);
    },
    [data, location.graphSearch],
  );
}
