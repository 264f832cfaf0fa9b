import { readFile } from 'node:fs/promises';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

const DATA_DIR = new URL('../data/', import.meta.url);

export interface Adm1Properties {
  iso_3166_2: string;
  name_en: string;
  name_ar: string;
  name_ar_short: string;
  type: 'governorate' | 'region' | 'district';
  type_ar: string;
  country_iso3: string;
  country_iso2: string;
  hasc: string | null;
  wikidata: string | null;
  note: string | null;
}

export interface CountryProperties {
  iso3: string;
  iso2: string;
  name_en: string;
  name_ar: string;
}

async function readGeoJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(new URL(name, DATA_DIR), 'utf8')) as T;
}

export const readCountries = () =>
  readGeoJson<FeatureCollection<Polygon | MultiPolygon, CountryProperties>>('adm0_countries.geojson');
export const readAdm1 = () => readGeoJson<FeatureCollection<Polygon | MultiPolygon, Adm1Properties>>('adm1_all.geojson');
export const readAdm1LabelPoints = () =>
  readGeoJson<FeatureCollection<Point, Pick<Adm1Properties, 'iso_3166_2'>>>('adm1_label_points.geojson');
