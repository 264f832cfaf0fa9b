import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language.ts';

/**
 * The shareable state of the page, kept in the query string:
 * `?lang=en&gov=SY-DI&map=7.25/33.5100/36.2900` (map = zoom/latitude/longitude, as on OSM).
 * Defaults are left out, so the bare address is the Arabic overview.
 */
export interface ViewState {
  language: Language;
  /** ISO 3166-2 code of the selected governorate, e.g. `SY-DI`. */
  governorate: string | null;
  /** Where the map looks; `null` means "fit the whole region". */
  camera: Camera | null;
}

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  language: DEFAULT_LANGUAGE,
  governorate: null,
  camera: null,
};

const PARAM = { language: 'lang', governorate: 'gov', camera: 'map' } as const;

const MAX_ZOOM = 22;
const MAX_LAT = 85.051129;
const ZOOM_DECIMALS = 2;
const COORD_DECIMALS = 4;

/** A plain decimal number, as `formatCamera` writes it (no exponent, no empty string). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** ISO 3166-2 subdivision codes: country, hyphen, one to three letters or digits. */
const GOVERNORATE_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

export function isGovernorateCode(value: string): boolean {
  return GOVERNORATE_CODE.test(value);
}

/** Reads the view state from a query string (with or without `?`); bad values fall back to defaults. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const language = params.get(PARAM.language);
  const governorate = params.get(PARAM.governorate)?.toUpperCase() ?? null;
  return {
    language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    governorate: governorate !== null && isGovernorateCode(governorate) ? governorate : null,
    camera: parseCamera(params.get(PARAM.camera)),
  };
}

/** Writes the view state as a query string starting with `?`, or `''` when everything is default. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.language !== DEFAULT_LANGUAGE) params.set(PARAM.language, state.language);
  if (state.governorate !== null) params.set(PARAM.governorate, state.governorate);
  if (state.camera !== null) params.set(PARAM.camera, formatCamera(state.camera));
  const query = params.toString().replaceAll('%2F', '/');
  return query === '' ? '' : `?${query}`;
}

export function parseCamera(value: string | null): Camera | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || !parts.every((part) => DECIMAL.test(part))) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > MAX_LAT || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

export function formatCamera(camera: Camera): string {
  return [
    camera.zoom.toFixed(ZOOM_DECIMALS),
    camera.lat.toFixed(COORD_DECIMALS),
    camera.lon.toFixed(COORD_DECIMALS),
  ].join('/');
}

/** Rounds a camera to what the URL keeps, so that parse(serialise(x)) equals x. */
export function roundCamera(camera: Camera): Camera {
  return parseCamera(formatCamera(camera)) ?? camera;
}
