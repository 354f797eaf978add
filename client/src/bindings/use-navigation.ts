/** The navigator in React: the current location (re-rendering on change) and how to move. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';

import type { AppLocation, Navigator } from './navigator';

export const NavigatorContext = createContext<Navigator | null>(null);

export interface Navigation {
  location: AppLocation;
  navigate: Navigator['navigate'];
  back: Navigator['back'];
  /** The navigator itself, for reading the newest location inside event handlers. */
  navigator: Navigator;
}

export function useNavigation(): Navigation {
  const navigator = useContext(NavigatorContext);
  if (!navigator) throw new Error('useNavigation must be used inside <NavigatorContext.Provider>.');
  const location = useSyncExternalStore(navigator.subscribe, navigator.getLocation);
  return useMemo(
    () => ({ location, navigate: navigator.navigate, back: navigator.back, navigator }),
    [location, navigator],
  );
}
