/** Where the OGC API is mounted (see app.ts); links are built from it and the request URL. */
export const OGC_ROOT = '/ogc';

export interface OgcLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const HTML_TYPE = 'text/html';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/**
 * An absolute URL on the request's origin: `path` under the OGC root (or the site root when
 * it starts with `/api`), with `query`. Absolute, because GDAL and QGIS follow links as given.
 */
export function ogcUrl(requestUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path.startsWith('/api/') ? path : `${OGC_ROOT}${path}`, requestUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/** The request URL with some parameters replaced: next/prev pages and other encodings keep every filter. */
export function withParameters(requestUrl: string, replace: Record<string, string>): string {
  const url = new URL(requestUrl);
  for (const [name, value] of Object.entries(replace)) url.searchParams.set(name, value);
  return url.href;
}

/** `self` and `alternate` links of the resource at `requestUrl` in the encoding served and the other one. */
export function selfLinks(requestUrl: string, served: 'json' | 'html', jsonType = JSON_TYPE): OgcLink[] {
  const json = { href: withParameters(requestUrl, { f: 'json' }), type: jsonType, title: 'This document as JSON' };
  const html = { href: withParameters(requestUrl, { f: 'html' }), type: HTML_TYPE, title: 'This document as HTML' };
  return served === 'json'
    ? [{ rel: 'self', ...json }, { rel: 'alternate', ...html }]
    : [{ rel: 'self', ...html }, { rel: 'alternate', ...json }];
}
