// urql's core, not `urql`, which brings React: opening-requests.ts runs this before React loads.
import { Client, cacheExchange, fetchExchange, makeOperation, mapExchange } from '@urql/core';

/**
 * What every query reads and every mutation changes: the graph's data. Declared on every
 * operation (urql's `additionalTypenames`), so that a curator's change, the only kind of
 * mutation there is, drops every cached answer, answers that name no type (an empty search)
 * included; urql fetches the queries on screen again, showing the old answer until the new is in.
 */
export const GRAPH_DATA_TYPENAME = 'GraphData';

const declareGraphData = mapExchange({
  onOperation: (operation) =>
    makeOperation(operation.kind, operation, {
      ...operation.context,
      additionalTypenames: [...(operation.context.additionalTypenames ?? []), GRAPH_DATA_TYPENAME],
    }),
});

/** The one GraphQL client: same-origin /graphql (the API serves the built client; Vite proxies in development). */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [declareGraphData, cacheExchange, fetchExchange],
    // Queries are read-only; the data changes only by a curator's change, which drops the cache.
    requestPolicy: 'cache-first',
    preferGetMethod: false,
  });
}
