import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';

import { createApiClient } from './api/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const client = createApiClient();

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <Provider value={client}>
        <App />
      </Provider>
    </ErrorBoundary>
  </StrictMode>,
);
