import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { briefFailureText, fileNameFromDisposition, refusal, type BriefFailure } from './briefDownload.ts';
import { briefMessages } from './briefMessages.ts';
import './brief.css';

/** How long the saved file's object URL lives after its download started. */
const REVOKE_AFTER_MS = 30_000;

/** Saves `blob` as `fileName` through a temporary `<a download>` (the browser's own download). */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * One "Print" link to a brief's PDF (a governorate's, a country's, a meeting's agenda pack). It stays
 * a link to the address (no script: the browser downloads it). With script, a plain click fetches
 * it instead: "Preparing the brief…" while the server prints; the PDF saved under the server's
 * file name; or, when the server answers something else (503 with Retry-After, 401, 404), its
 * problem's detail beside the link, instead of an error page saved as a ".pdf".
 */
export function BriefButton({ href, fileName, testId, hrefLang, children }: { href: string; fileName: string; testId: string; hrefLang?: string; children: ReactNode }) {
  useMessages('brief', briefMessages);
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BriefFailure | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function print(): Promise<void> {
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setFailure(null);
    try {
      let response: Response;
      try {
        response = await fetch(href, { credentials: 'same-origin', headers: { accept: 'application/pdf, application/problem+json' }, signal: controller.signal });
      } catch {
        if (!controller.signal.aborted) setFailure({ kind: 'offline' });
        return;
      }
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.startsWith('application/pdf')) {
        const blob = await response.blob();
        saveBlob(blob, fileNameFromDisposition(response.headers.get('content-disposition')) ?? fileName);
        return;
      }
      if (response.ok) {
        setFailure({ kind: 'notPdf' });
        return;
      }
      const body: unknown = await response.json().catch(() => null);
      setFailure(refusal(response.status, body, response.headers.get('retry-after')));
    } catch {
      // The body broke off halfway.
      if (!controller.signal.aborted) setFailure({ kind: 'offline' });
    } finally {
      if (running.current === controller) running.current = null;
      if (!controller.signal.aborted) setBusy(false);
    }
  }

  function onClick(event: MouseEvent<HTMLAnchorElement>): void {
    // A middle click, or with a modifier (new tab, save as…): the browser's own way.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (!busy) void print();
  }

  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const errorId = `${testId}-error`;
  return (
    <span className="brief-button">
      <a
        className="secondary-button"
        href={href}
        download={fileName}
        hrefLang={hrefLang}
        onClick={onClick}
        aria-busy={busy}
        aria-disabled={busy || undefined}
        aria-describedby={failure === null ? undefined : errorId}
        data-busy={busy}
        data-testid={testId}
      >
        {children}
      </a>
      <span role="status" className="muted brief-status" data-testid={`${testId}-status`}>
        {busy ? t('brief.preparing') : ''}
      </span>
      {failure !== null && (
        <span role="alert" id={errorId} className="panel-error brief-error" data-testid={errorId}>
          {briefFailureText(failure, (key, values) => t(`brief.${key}`, values?.n === undefined ? values : { ...values, n: formatCount(Number(values.n), language) }))}
        </span>
      )}
    </span>
  );
}
