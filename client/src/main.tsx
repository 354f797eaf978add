// The shared styles first: every component's own styles load after them and refine them.
import './styles/base.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { ApiProvider } from './api/api-provider';
import { createApiClient } from './api/client';
import { beginGraphLoad } from './api/use-graph-data';
import { App } from './App';
import { createBrowserNavigator } from './bindings/navigator';
import { NavigatorContext } from './bindings/use-navigation';
import { ErrorBoundary } from './components/ErrorBoundary';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const appNavigator = createBrowserNavigator(window);
// The graph's requests go out now, while React renders its first screen.
const apiClient = createApiClient();
beginGraphLoad(apiClient);

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
