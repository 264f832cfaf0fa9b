import { html } from 'hono/html';
import { BBOX_COUNT_LIMIT } from './OgcCollection.ts';
import { htmlPage, cellText, linkList, type Crumb, type Html } from './htmlPage.ts';
import type {
  CollectionDocument,
  CollectionsDocument,
  ConformanceDocument,
  FeatureCollectionDocument,
  FeatureDocument,
  LandingPage,
} from './ogcDocuments.ts';
import { ogcUrl, withParameters, type OgcLink } from './ogcLinks.ts';

/** The HTML encoding of each OGC API resource, rendered from its JSON document. */

const linkOf = (links: OgcLink[], rel: string) => links.find((link) => link.rel === rel)?.href ?? '';

const home = (url: string): Crumb => ({ title: 'Home', href: ogcUrl(url, '') });
const collectionsCrumb = (url: string): Crumb => ({ title: 'Collections', href: ogcUrl(url, '/collections') });
const collectionCrumb = (url: string, id: string, title: string): Crumb => ({ title, href: ogcUrl(url, `/collections/${id}`) });

export function landingHtml(doc: LandingPage, url: string): Html {
  return htmlPage({
    title: doc.title,
    crumbs: [{ title: 'Home' }],
    jsonHref: linkOf(doc.links, 'alternate'),
    body: html`<p lang="ar" dir="rtl">${doc.title_ar}</p>
<p>${doc.description}</p>
<p>In QGIS: Layer › Add Layer › Add WFS / OGC API – Features Layer, with this page's address: <code>${ogcUrl(url, '')}</code></p>
${linkList(doc.links.filter((link) => link.rel !== 'self' && link.rel !== 'alternate'))}`,
  });
}

export function conformanceHtml(doc: ConformanceDocument, url: string): Html {
  return htmlPage({
    title: 'Conformance',
    crumbs: [home(url), { title: 'Conformance' }],
    jsonHref: linkOf(doc.links, 'alternate'),
    body: html`<p>This API implements these conformance classes:</p>
<ul>${doc.conformsTo.map((uri) => html`<li><code>${uri}</code></li>`)}</ul>`,
  });
}

const collectionSummary = (collection: CollectionDocument): Html => {
  const bbox = collection.extent?.spatial?.bbox[0];
  const interval = collection.extent?.temporal?.interval[0];
  return html`<table>
<tr><th>Id</th><td><code>${collection.id}</code></td></tr>
<tr><th>Title</th><td>${collection.title} · <span lang="ar" dir="rtl">${collection.title_ar}</span></td></tr>
<tr><th>Description</th><td>${collection.description}</td></tr>
<tr><th>Extent (lon/lat)</th><td>${bbox ? bbox.join(', ') : 'empty'}</td></tr>
${interval ? html`<tr><th>Time</th><td>${interval[0] ?? '..'} / ${interval[1] ?? '..'}</td></tr>` : ''}
<tr><th>Items</th><td>${collection.links
    .filter((link) => link.rel === 'items')
    .map((link) => html`<a href="${link.href}">${link.type === 'text/html' ? 'HTML' : 'GeoJSON'}</a> `)}</td></tr>
</table>`;
};

export function collectionsHtml(doc: CollectionsDocument, url: string): Html {
  return htmlPage({
    title: 'Collections',
    crumbs: [home(url), { title: 'Collections' }],
    jsonHref: linkOf(doc.links, 'alternate'),
    body: html`${doc.collections.map(
      (collection) => html`<h2><a href="${linkOf(collection.links, 'alternate')}">${collection.title}</a></h2>
${collectionSummary(collection)}`,
    )}`,
  });
}

export function collectionHtml(doc: CollectionDocument, url: string): Html {
  return htmlPage({
    title: doc.title,
    crumbs: [home(url), collectionsCrumb(url), { title: doc.title }],
    jsonHref: linkOf(doc.links, 'self'),
    body: collectionSummary(doc),
  });
}

export function itemsHtml(doc: FeatureCollectionDocument, collection: { id: string; title: string; columns: string[] }, url: string): Html {
  const offset = Number(new URL(url).searchParams.get('offset') ?? 0);
  const range = doc.numberReturned ? `${offset + 1}–${offset + doc.numberReturned}` : 'none';
  const pager = html`<p class="pager">${['prev', 'next'].map((rel) => {
    const href = linkOf(doc.links, rel);
    return href ? html`<a href="${href}" rel="${rel}">${rel === 'next' ? 'Next page ›' : '‹ Previous page'}</a>` : '';
  })}</p>`;
  return htmlPage({
    title: `${collection.title}: items`,
    crumbs: [home(url), collectionsCrumb(url), collectionCrumb(url, collection.id, collection.title), { title: 'Items' }],
    jsonHref: linkOf(doc.links, 'alternate'),
    body: html`<p>Features ${range} of ${doc.numberMatched ?? `more than ${BBOX_COUNT_LIMIT}`} matched.</p>
${pager}
<table>
<tr><th>id</th>${collection.columns.map((column) => html`<th>${column}</th>`)}</tr>
${doc.features.map(
  (feature) => html`<tr><td><a href="${ogcUrl(url, `/collections/${collection.id}/items/${feature.id}`)}">${String(feature.id)}</a></td>${collection.columns.map(
    (column) => html`<td dir="auto">${cellText(feature.properties[column])}</td>`,
  )}</tr>\n`,
)}</table>
${pager}`,
  });
}

export function itemHtml(doc: FeatureDocument, collection: { id: string; title: string }, url: string): Html {
  return htmlPage({
    title: `${collection.title}: ${doc.id}`,
    crumbs: [
      home(url),
      collectionsCrumb(url),
      collectionCrumb(url, collection.id, collection.title),
      { title: 'Items', href: ogcUrl(url, `/collections/${collection.id}/items`) },
      { title: String(doc.id) },
    ],
    jsonHref: linkOf(doc.links, 'alternate'),
    body: html`<table>
<tr><th>id</th><td>${String(doc.id)}</td></tr>
${Object.entries(doc.properties).map(([name, value]) => html`<tr><th>${name}</th><td dir="auto">${cellText(value)}</td></tr>\n`)}
<tr><th>geometry</th><td>${doc.geometry.type}</td></tr>
</table>`,
  });
}

/** An error page for browsers; machines get the same problem as problem+json. */
export function problemHtml(problem: { title: string; status: number; detail?: string }, url: string): Html {
  return htmlPage({
    title: `${problem.status} ${problem.title}`,
    crumbs: [home(url), { title: problem.title }],
    jsonHref: withParameters(url, { f: 'json' }),
    body: html`<p>${problem.detail ?? ''}</p>`,
  });
}
