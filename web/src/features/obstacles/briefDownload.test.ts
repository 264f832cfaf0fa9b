import { describe, expect, it } from 'vitest';
import { briefFailureText, fileNameFromDisposition, refusal, retryAfterSeconds, type BriefFailureKey } from './briefDownload.ts';
import { briefMessages } from './briefMessages.ts';

/** briefMessages in `language`, with `{{name}}` filled in as i18next does. */
const sayIn =
  (language: 'ar' | 'en') =>
  (key: BriefFailureKey, values: Record<string, unknown> = {}) =>
    briefMessages[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

describe('the file name of Content-Disposition', () => {
  it('reads the quoted name the brief server sends', () => {
    expect(fileNameFromDisposition('attachment; filename="brief-SY-DI-2026-12-03-ar.pdf"')).toBe('brief-SY-DI-2026-12-03-ar.pdf');
  });

  it('prefers filename* (UTF-8) and reads a bare token', () => {
    expect(fileNameFromDisposition(`attachment; filename="brief.pdf"; filename*=UTF-8''%D9%85%D9%88%D8%AC%D8%B2.pdf`)).toBe('موجز.pdf');
    expect(fileNameFromDisposition('attachment; filename=brief-SYR-ar.pdf')).toBe('brief-SYR-ar.pdf');
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\".pdf"')).toBe('a "b".pdf');
  });

  it('has none without a name, and keeps no path', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename="../../etc/brief.pdf"')).toBe('brief.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A.pdf; filename="fallback.pdf"`)).toBe('fallback.pdf');
  });
});

describe('Retry-After', () => {
  it('is seconds, or the seconds until an HTTP date; nothing when absent or unreadable', () => {
    const now = Date.parse('2026-12-03T07:00:00Z');
    expect(retryAfterSeconds('12', now)).toBe(12);
    expect(retryAfterSeconds('Thu, 03 Dec 2026 07:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Thu, 03 Dec 2026 06:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
  });
});

describe('what a failed print says', () => {
  const missing = 'Briefs are printed to PDF with headless Chromium, and Chromium was not found: install it (Debian/Ubuntu: apt-get install chromium fonts-noto-core).';

  it('gives the server’s detail, and when to try again after a busy printer', () => {
    expect(briefFailureText(refusal(503, { status: 503, detail: missing }, null), sayIn('en'))).toBe(missing);
    expect(briefFailureText(refusal(503, { status: 503, detail: 'Briefs are being printed for others.' }, '7'), sayIn('en'))).toBe('Briefs are being printed for others. Try again in 7 seconds.');
    expect(briefFailureText(refusal(503, { detail: 'Busy.' }, '7'), sayIn('ar'))).toBe('Busy. حاول مجددًا بعد 7 ثانية.');
    expect(briefFailureText(refusal(503, { detail: 'Busy.' }, '0'), sayIn('en'))).toBe('Busy.');
  });

  it('says the status when the answer is no problem document', () => {
    expect(refusal(502, '<html>Bad gateway</html>', null)).toEqual({ kind: 'refused', status: 502, detail: null, retryAfterSeconds: null });
    expect(briefFailureText(refusal(502, null, null), sayIn('en'))).toBe('The brief was not printed: the server answered HTTP 502.');
    expect(briefFailureText(refusal(401, { detail: 'Sign in to read briefs' }, null), sayIn('en'))).toBe('Sign in to read briefs');
  });

  it('says when the server did not answer, or answered something else than a PDF', () => {
    expect(briefFailureText({ kind: 'offline' }, sayIn('en'))).toBe('No answer from the server: check the connection, then try again.');
    expect(briefFailureText({ kind: 'notPdf' }, sayIn('ar'))).toBe(briefMessages.ar.notPdf);
  });
});
