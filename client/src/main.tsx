// The graph's requests first, before the interface's code runs (api/opening-requests.ts).
import { apiClient } from './api/opening-requests';
// The shared styles next: every component's own styles load after them and refine them.
import './styles/base.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { ApiProvider } from './api/api-provider';
import { App } from './App';
import { createBrowserNavigator } from './bindings/navigator';
import { NavigatorContext } from './bindings/use-navigation';
import { ErrorBoundary } from './components/ErrorBoundary';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const appNavigator = createBrowserNavigator(window);
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <ApiProvider client={apiClient}>
        <NavigatorContext.Provider value={appNavigator}>
          <App />
        </NavigatorContext.Provider>
      </ApiProvider>
    </ErrorBoundary>
  </StrictMode>,
);
