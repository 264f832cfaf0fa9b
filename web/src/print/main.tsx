import type { BriefData } from '@marsad/contracts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ProblemError } from '../api/http.ts';
import { directionOf, type Language } from '../i18n/language.ts';
import { BriefDocument, BriefFailure } from './BriefDocument.tsx';
import { BriefReaderContext, readerFor } from './briefContext.ts';
import { BriefLoadError, loadBrief, queryLanguage } from './briefSource.ts';
import { briefMessages } from './messages.ts';
import { applyPageMargins } from './pageMargins.ts';
import { markReady, whenDrawn } from './readiness.ts';
import './print.css';

declare global {
  interface Window {
    /** The brief the printer hands the page before it runs (see briefSource.ts). */
    __MARSAD_BRIEF__?: unknown;
  }
}

function setDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

function describe(error: unknown, language: Language): string {
  const m = briefMessages[language];
  if (error instanceof BriefLoadError) return error.reason === 'no-query' ? m.error.query : `${m.error.shape}: ${error.message}`;
  if (error instanceof ProblemError) return `${error.detail} (${error.url}${error.status === null ? '' : `, ${error.status}`})`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const element = document.getElementById('brief');
  if (element === null) throw new Error('print.html must contain <div id="brief">');
  const root = createRoot(element);
  let language = queryLanguage(window.location.search);
  setDocumentLanguage(language);
  let brief: BriefData | null = null;
  let failure: string | null = null;
  try {
    brief = await loadBrief({ injected: window.__MARSAD_BRIEF__, search: window.location.search });
    language = brief.language;
  } catch (error) {
    failure = describe(error, language);
  }
  setDocumentLanguage(language);
  document.title = `${briefMessages[language].brand} — ${brief === null ? briefMessages[language].error.title : briefMessages[language].kindTitle[brief.kind]}`;
  if (brief !== null) applyPageMargins(document, brief, language);
  flushSync(() =>
    root.render(
      <StrictMode>
        {brief !== null ? (
          <BriefDocument brief={brief} />
        ) : (
          <BriefReaderContext.Provider value={readerFor(language)}>
            <BriefFailure message={failure ?? ''} />
          </BriefReaderContext.Provider>
        )}
      </StrictMode>,
    ),
  );
  await whenDrawn(document);
  markReady(document, failure);
}

void main().catch((error: unknown) => {
  // Even a fault in the page itself must not leave the printer waiting until its timeout.
  document.body.textContent = error instanceof Error ? error.message : String(error);
  markReady(document, document.body.textContent);
});
