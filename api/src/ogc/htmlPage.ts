import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface Crumb {
  title: string;
  href?: string;
}

// Inline and system fonts only: the pages must work without the internet.
const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b2430; background: #f6f7f9; }
  header { background: #0f4c5c; color: #fff; padding: 0.6rem 1.5rem; }
  header a { color: #fff; }
  main { padding: 1rem 1.5rem 2rem; max-width: 80rem; }
  nav.crumbs { font-size: 0.9rem; margin-bottom: 0.5rem; }
  table { border-collapse: collapse; background: #fff; margin: 0.5rem 0 1rem; }
  th, td { border: 1px solid #d5d9e0; padding: 0.25rem 0.6rem; text-align: start; vertical-align: top; }
  th { background: #eef1f4; }
  code { font-size: 0.9em; }
  .muted { color: #5b6573; }
  .pager a { margin-inline-end: 1rem; }
`;

/** The Content-Security-Policy source that allows this one inline stylesheet and no other (see securityHeaders.ts). */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** A whole, self-contained HTML page (no external CSS, scripts or fonts); every value is escaped. */
export function htmlPage(page: { title: string; crumbs: Crumb[]; jsonHref: string; body: Html }): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} – Marsad OGC API</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>Marsad <span lang="ar" dir="rtl">مرصد</span> · OGC API – Features</header>
<main>
<nav class="crumbs">${page.crumbs.map((crumb, i) =>
    html`${i > 0 ? ' › ' : ''}${crumb.href ? html`<a href="${crumb.href}">${crumb.title}</a>` : crumb.title}`,
  )}</nav>
<h1>${page.title}</h1>
${page.body}
<p class="muted">This page as <a href="${page.jsonHref}">JSON</a>.</p>
</main>
</body>
</html>`;
}

/** A list of links as `title (type)`. */
export const linkList = (links: { href: string; rel: string; type?: string; title?: string }[]): Html =>
  html`<ul>
${links.map((link) => html`<li><a href="${link.href}">${link.title ?? link.href}</a> <span class="muted">${link.rel}${link.type ? `, ${link.type}` : ''}</span></li>\n`)}
</ul>`;

/** A property value as text: null shows as an empty cell. */
export const cellText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
