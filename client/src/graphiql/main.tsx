/**
 * The API explorer served at /graphql to browsers outside production: GraphiQL, bundled by
 * our build so that it works without the internet. The server puts the README's example
 * queries into the page (script#graphql-examples); each opens in its own tab.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { type ExampleQuery, readExamples } from './examples';

const examples: ExampleQuery[] = readExamples(document.getElementById('graphql-examples')?.textContent);
// Same origin: the JSON content type is what the server's CSRF check asks of a POST.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={examples.map((example) => ({ query: `# ${example.title}\n${example.query}` }))}
    />
  </StrictMode>,
);
