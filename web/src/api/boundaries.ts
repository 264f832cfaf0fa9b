import type { Feature, FeatureCollection, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import { guarded, request } from './http.ts';
import { isRecord } from './isRecord.ts';

/** Properties of a country in `GET /api/boundaries/countries`. */
export interface CountryProperties {
  iso3: string;
  iso2: string;
  name_en: string;
  name_ar: string;
}

/** Properties of a governorate (and of its label point) in `GET /api/boundaries/governorates|labels`. */
export interface GovernorateProperties {
  /** ISO 3166-2 code, e.g. `SY-DI`. */
  code: string;
  country_iso3: string;
  /** Kind of subdivision in English, e.g. `governorate`, `region`, `district`. */
  kind: string;
  kind_ar: string;
  name_en: string;
  /** Full Arabic name, e.g. `محافظة دمشق`. */
  name_ar: string;
  /** Arabic name without the kind, e.g. `دمشق`, used for map labels. */
  name_ar_short: string;
}

export type CountryCollection = FeatureCollection<MultiPolygon | Polygon, CountryProperties>;
export type GovernorateCollection = FeatureCollection<MultiPolygon | Polygon, GovernorateProperties>;
export type GovernorateLabelCollection = FeatureCollection<Point | MultiPoint, GovernorateProperties>;
export type GovernorateFeature = Feature<MultiPolygon | Polygon, GovernorateProperties>;

/** The boundary layers the API serves, by the last segment of their address. */
export const BOUNDARY_LAYERS = ['countries', 'governorates', 'labels'] as const;
export type BoundaryLayer = (typeof BOUNDARY_LAYERS)[number];

export function boundariesUrl(layer: BoundaryLayer): string {
  return `/api/boundaries/${layer}`;
}


function hasStringProperties(feature: unknown, keys: readonly string[]): boolean {
  if (!isRecord(feature) || feature.type !== 'Feature' || !isRecord(feature.properties)) return false;
  const properties = feature.properties;
  return keys.every((key) => typeof properties[key] === 'string');
}

function isCollectionOf(body: unknown, keys: readonly string[]): boolean {
  return (
    isRecord(body) &&
    body.type === 'FeatureCollection' &&
    Array.isArray(body.features) &&
    body.features.every((feature) => hasStringProperties(feature, keys))
  );
}

const COUNTRY_KEYS = ['iso3', 'name_en', 'name_ar'] as const;
const GOVERNORATE_KEYS = ['code', 'country_iso3', 'name_en', 'name_ar', 'name_ar_short'] as const;

export function isCountryCollection(body: unknown): body is CountryCollection {
  return isCollectionOf(body, COUNTRY_KEYS);
}

export function isGovernorateCollection(body: unknown): body is GovernorateCollection {
  return isCollectionOf(body, GOVERNORATE_KEYS);
}

export function isGovernorateLabelCollection(body: unknown): body is GovernorateLabelCollection {
  return isCollectionOf(body, GOVERNORATE_KEYS);
}

export function fetchCountries(signal?: AbortSignal): Promise<CountryCollection> {
  return request(boundariesUrl('countries'), { schema: guarded(isCountryCollection), signal });
}

export function fetchGovernorates(signal?: AbortSignal): Promise<GovernorateCollection> {
  return request(boundariesUrl('governorates'), { schema: guarded(isGovernorateCollection), signal });
}

export function fetchGovernorateLabels(signal?: AbortSignal): Promise<GovernorateLabelCollection> {
  return request(boundariesUrl('labels'), { schema: guarded(isGovernorateLabelCollection), signal });
}
