/**
 * The GraphQL client as React context, with a way to start afresh: a change made outside
 * GraphQL (an article, uploaded to /curator/sources) cannot drop urql's cache the way a
 * mutation does (client.ts), so it replaces the client, and with it every cached answer.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';

import { createApiClient } from './client';

const ApiResetContext = createContext<() => void>(() => {});

/** `client`: the first client, when made before (main.tsx starts loading the graph with it). */
export function ApiProvider({ client: first, children }: { client?: Client; children: ReactNode }) {
  const [client, setClient] = useState(() => first ?? createApiClient());
  const reset = useCallback(() => setClient(createApiClient()), []);
  return (
    <Provider value={client}>
      <ApiResetContext.Provider value={reset}>{children}</ApiResetContext.Provider>
    </Provider>
  );
}

/** Forgets every cached answer: queries on screen and the graph are fetched again. */
export function useApiReset(): () => void {
  return useContext(ApiResetContext);
}
