import type { BriefData } from '@marsad/contracts';
import type { Language } from '../i18n/language.ts';
import { briefSubject, formatStamp } from './briefText.ts';
import { briefMessages } from './messages.ts';

/**
 * The running footer of every printed page: the brief's subject and data stamp on the reading
 * side, the page number "n / total" (in the reader's digits) on the other. Drawn by Chromium's
 * @page margin boxes, so the printer needs no header or footer template (print with
 * `preferCSSPageSize: true`, `displayHeaderFooter: false`).
 */

/** A CSS string literal (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;
}

export function pageMarginRules(brief: BriefData, language: Language): string {
  const m = briefMessages[language];
  const style = language === 'ar' ? 'arabic-indic' : 'decimal';
  const stamp = `${m.kindTitle[brief.kind]}: ${briefSubject(brief, language)} — ${m.dataAsOf} ${formatStamp(brief.data_as_of, language)}`;
  const [startBox, endBox] = language === 'ar' ? ['bottom-right', 'bottom-left'] : ['bottom-left', 'bottom-right'];
  const font = "font-family: 'Marsad Sans', 'Noto Sans Arabic', sans-serif; font-size: 8pt; color: #5f5b54;";
  return `@page {
  @${startBox} { content: ${cssString(stamp)}; ${font} direction: ${language === 'ar' ? 'rtl' : 'ltr'}; }
  @${endBox} { content: counter(page, ${style}) " / " counter(pages, ${style}); ${font} }
}
@page :first {
  @${startBox} { content: none; }
  @${endBox} { content: none; }
}`;
}

/**
 * Adds the footer rules as a constructed stylesheet: the page's Content-Security-Policy refuses
 * inline <style> elements, not stylesheets built through the CSSOM.
 */
export function applyPageMargins(document: Document, brief: BriefData, language: Language): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageMarginRules(brief, language));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
