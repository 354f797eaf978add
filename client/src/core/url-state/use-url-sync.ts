/**
 * Binding between the view state and the address bar: every change is written to the URL
 * (a new history entry for navigation, a replacement for filter tweaks); Back and Forward
 * restore the state the URL describes.
 */
import { useEffect } from 'react';

import type { ExplorerState } from '../explorer-state';
import type { GraphData } from '../graph-data';
import { isNavigation, parseExplorerUrl, sanitizeExplorerState, serializeExplorerState } from './index';

export function useUrlSync(state: ExplorerState, setState: (state: ExplorerState) => void, data: GraphData): void {
  useEffect(() => {
    const search = serializeExplorerState(state);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (isNavigation(parseExplorerUrl(window.location.search), state)) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [state]);

  useEffect(() => {
    const onPopState = () => setState(sanitizeExplorerState(parseExplorerUrl(window.location.search), data).state);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [setState, data]);
}
