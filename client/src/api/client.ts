import { Client, cacheExchange, fetchExchange } from 'urql';

/** The one GraphQL client: same-origin /graphql (the API serves the built client; Vite proxies in development). */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Queries are read-only and the graph does not change while the page is open.
    requestPolicy: 'cache-first',
    preferGetMethod: false,
  });
}
