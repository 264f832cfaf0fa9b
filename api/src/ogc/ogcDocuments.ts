import { CONFORMANCE_CLASSES, CRS84, GREGORIAN } from './conformance.ts';
import type { CollectionExtent, OgcCollectionInfo, OgcFeature } from './OgcCollection.ts';
import { GEOJSON_TYPE, HTML_TYPE, JSON_TYPE, OPENAPI_TYPE, ogcUrl, selfLinks, withParameters, type OgcLink } from './ogcLinks.ts';
import type { OutputFormat } from './outputFormat.ts';

/**
 * The JSON documents of OGC API – Features, Part 1. The HTML pages render these same
 * documents, so both encodings always say the same thing.
 */

export const API_TITLE = 'Marsad – OGC API Features';
export const API_TITLE_AR = 'مرصد – واجهة OGC للمعالم';

export interface LandingPage {
  title: string;
  title_ar: string;
  description: string;
  links: OgcLink[];
}

export function landingPage(url: string, served: OutputFormat): LandingPage {
  return {
    title: API_TITLE,
    title_ar: API_TITLE_AR,
    description:
      'Development projects, industrial and craft zones, their plots and governorates as OGC API – Features collections, ' +
      'for QGIS, GDAL/OGR and other GIS clients. Anonymous callers see published projects only.',
    links: [
      ...selfLinks(url, served),
      { href: ogcUrl(url, '/api/openapi.json'), rel: 'service-desc', type: OPENAPI_TYPE, title: 'The API definition (OpenAPI 3.0)' },
      { href: ogcUrl(url, '/conformance'), rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes implemented' },
      { href: ogcUrl(url, '/collections'), rel: 'data', type: JSON_TYPE, title: 'The feature collections' },
    ],
  };
}

export interface ConformanceDocument {
  conformsTo: string[];
  links: OgcLink[];
}

export const conformanceDocument = (url: string, served: OutputFormat): ConformanceDocument => ({
  conformsTo: [...CONFORMANCE_CLASSES],
  links: selfLinks(url, served),
});

export interface CollectionDocument {
  id: string;
  title: string;
  title_ar: string;
  description: string;
  itemType: 'feature';
  crs: string[];
  extent?: {
    spatial?: { bbox: number[][]; crs: string };
    temporal?: { interval: (string | null)[][]; trs: string };
  };
  links: OgcLink[];
}

export function collectionDocument(collection: OgcCollectionInfo, extent: CollectionExtent, url: string): CollectionDocument {
  const path = `/collections/${collection.id}`;
  const spatial = extent.bbox ? { spatial: { bbox: [outward(extent.bbox)], crs: CRS84 } } : {};
  const temporal = extent.interval
    ? { temporal: { interval: [extent.interval.map((day) => (day === null ? null : `${day}T00:00:00Z`))], trs: GREGORIAN } }
    : {};
  return {
    id: collection.id,
    title: collection.title,
    title_ar: collection.titleAr,
    description: collection.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: { ...spatial, ...temporal },
    links: [
      { href: ogcUrl(url, path, { f: 'json' }), rel: 'self', type: JSON_TYPE, title: `${collection.title} (JSON)` },
      { href: ogcUrl(url, path, { f: 'html' }), rel: 'alternate', type: HTML_TYPE, title: `${collection.title} (HTML)` },
      { href: ogcUrl(url, `${path}/items`, { f: 'json' }), rel: 'items', type: GEOJSON_TYPE, title: `${collection.title} as GeoJSON` },
      { href: ogcUrl(url, `${path}/items`, { f: 'html' }), rel: 'items', type: HTML_TYPE, title: `${collection.title} as HTML` },
    ],
  };
}

export interface CollectionsDocument {
  links: OgcLink[];
  collections: CollectionDocument[];
}

export const collectionsDocument = (collections: CollectionDocument[], url: string, served: OutputFormat): CollectionsDocument => ({
  links: selfLinks(url, served),
  collections,
});

export interface FeatureCollectionDocument {
  type: 'FeatureCollection';
  timeStamp: string;
  numberMatched?: number;
  numberReturned: number;
  links: OgcLink[];
  features: OgcFeature[];
}

export interface FeaturePage {
  collection: OgcCollectionInfo;
  numberMatched?: number;
  /** Whether features follow this page. */
  more: boolean;
  features: OgcFeature[];
  limit: number;
  offset: number;
}

/** A page of features; `next` and `prev` are the request URL with another offset, so every parameter carries on. */
export function featureCollectionDocument(page: FeaturePage, url: string, served: OutputFormat): FeatureCollectionDocument {
  const { collection, numberMatched, more, features, limit, offset } = page;
  const pageType = served === 'json' ? GEOJSON_TYPE : HTML_TYPE;
  const pageLink = (rel: string, at: number): OgcLink => ({
    href: withParameters(url, { limit: String(limit), offset: String(at) }),
    rel,
    type: pageType,
    title: `${rel === 'next' ? 'Next' : 'Previous'} page`,
  });
  return {
    type: 'FeatureCollection',
    timeStamp: new Date().toISOString(),
    ...(numberMatched === undefined ? {} : { numberMatched }),
    numberReturned: features.length,
    links: [
      ...selfLinks(url, served, GEOJSON_TYPE),
      { href: ogcUrl(url, `/collections/${collection.id}`), rel: 'collection', type: JSON_TYPE, title: collection.title },
      ...(more ? [pageLink('next', offset + limit)] : []),
      ...(offset > 0 ? [pageLink('prev', Math.max(0, offset - limit))] : []),
    ],
    features,
  };
}

export type FeatureDocument = OgcFeature & { links: OgcLink[] };

export const featureDocument = (feature: OgcFeature, collection: OgcCollectionInfo, url: string, served: OutputFormat): FeatureDocument => ({
  ...feature,
  links: [
    ...selfLinks(url, served, GEOJSON_TYPE),
    { href: ogcUrl(url, `/collections/${collection.id}`), rel: 'collection', type: JSON_TYPE, title: collection.title },
  ],
});

/** The box rounded outward to 6 decimals (about 0.1 m), so no feature falls outside it. */
const outward = ([minLon, minLat, maxLon, maxLat]: [number, number, number, number]) => [
  Math.floor(minLon * 1e6) / 1e6,
  Math.floor(minLat * 1e6) / 1e6,
  Math.ceil(maxLon * 1e6) / 1e6,
  Math.ceil(maxLat * 1e6) / 1e6,
];
