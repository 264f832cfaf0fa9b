import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import './app/app.css';
import './ui/ui.css';
import { createQueryClient } from './app/queryClient.ts';
import { createI18n } from './i18n/i18n.ts';
import { parseViewState } from './url/viewState.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html must contain <div id="root">');

const i18n = createI18n(parseViewState(window.location.search).language);
const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);

// The service worker (installable, offline) once the page has loaded: the first view does not wait for it.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => void import('./offline/registerServiceWorker.ts').then(({ registerServiceWorker }) => registerServiceWorker()), { once: true });
}
