import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import './app/app.css';
import './ui/ui.css';
import { createQueryClient } from './app/queryClient.ts';
import { createI18n } from './i18n/i18n.ts';
import { afterFirstDraw } from './map/firstDraw.ts';
import { startMapWorker } from './map/worker.ts';
import { prefetchFirstViewSummaries } from './api/useSummaries.ts';
import { filterQuery } from './data/filters.ts';
import { parseViewState } from './url/viewState.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html must contain <div id="root">');

const view = parseViewState(window.location.search);
const i18n = createI18n(view.language);
const queryClient = createQueryClient();
prefetchFirstViewSummaries(queryClient, filterQuery(view.filters));
startMapWorker();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);

// The service worker (installable, offline) once the page has loaded and the map is drawn: the
// first view neither waits for it nor shares the network with its install.
if (import.meta.env.PROD) {
  const register = () => void import('./offline/registerServiceWorker.ts').then(({ registerServiceWorker }) => registerServiceWorker());
  window.addEventListener('load', () => void afterFirstDraw().then(register), { once: true });
}
