import { ZONE_METRICS, ZONE_SORTS, type ZoneMetric, type ZoneSort } from '@marsad/contracts';
import { CHOROPLETH_METRICS, DEFAULT_METRIC, type ChoroplethMetric } from '../data/choroplethMetrics.ts';
import { EMPTY_FILTERS, FIRST_YEAR, LAST_YEAR, LIST_FILTERS, MAX_QUERY_LENGTH, type Filters } from '../data/filters.ts';
import { isFunderSlug, isOneOf } from '../data/vocabulary.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language.ts';
import { EMPTY_COMPARE_VIEW, parseCompareView, serializeCompareView, type CompareViewState } from './compareViewState.ts';
import { EMPTY_CHANGES_VIEW, parseChangesView, serializeChangesView, type ChangesViewState } from './changesViewState.ts';
import { EMPTY_MINISTER_VIEW, parseMinisterView, serializeMinisterView, type MinisterViewState } from './ministerViewState.ts';
import { DEFAULT_SCREEN, EMPTY_PLAN_VIEW, parsePlanView, parseScreen, serializePlanView, type PlanViewState, type Screen } from './planViewState.ts';
import { EMPTY_REVIEW_VIEW, parseReviewView, serializeReviewView, type ReviewViewState } from './reviewViewState.ts';

/**
 * The shareable state of the page, kept in the query string, e.g.
 * `?lang=en&status=in_progress,suspended&metric=delayed&gov=SY-DI&project=12&map=7.25/33.5100/36.2900`
 * or, for the zones, `?zone_metric=readiness&zones=-occupancy&zone=24`
 * (map = zoom/latitude/longitude, as on OSM). Defaults are left out, so the bare address is the
 * Arabic national overview.
 */
export interface ViewState {
  language: Language;
  filters: Filters;
  /** What the governorates are coloured by. */
  metric: ChoroplethMetric;
  /** ISO 3166-2 code of the selected governorate, e.g. `SY-DI`. */
  governorate: string | null;
  /** Id of the project whose drawer is open. */
  project: number | null;
  /** Id of the industrial or craft zone whose screen is open. */
  zone: number | null;
  /** Ids of the plots selected in the open zone (`plot=12` or `plot=12,13`), in the order chosen; empty without a zone. */
  plots: number[];
  /** What the zones on the map are coloured by (`zone_metric`; default occupancy). */
  zoneMetric: ZoneMetric;
  /** The zones table, open and sorted so (`zones=-occupancy`), or closed (`null`). */
  zonesTable: ZoneSort | null;
  /** Where the map looks; `null` means "fit the whole region". */
  camera: Camera | null;
  /** Which screen fills the page: the map, the plans matrix (`view=plans`), the obstacles (`view=obstacles`), the meetings (`view=meetings`) or the conflicts for review (`view=review`). */
  screen: Screen;
  /** The plans matrix (country, year, sector, open cell) and the map's plan indicator: `planViewState.ts`. */
  plan: PlanViewState;
  /** The obstacles screen's open cell and the meetings screen's open meeting: `ministerViewState.ts`. */
  minister: MinisterViewState;
  /** The review screen's listed state and open conflict: `reviewViewState.ts`. */
  review: ReviewViewState;
  /** The map screen's ranking of governorates, open and sorted, or closed: `compareViewState.ts`. */
  compare: CompareViewState;
  /** The "what changed" panel, open and since when (`changes=week|month|visit`): `changesViewState.ts`. */
  changes: ChangesViewState;
}

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

export const DEFAULT_ZONE_METRIC: ZoneMetric = 'occupancy';

export const DEFAULT_VIEW_STATE: ViewState = {
  language: DEFAULT_LANGUAGE,
  filters: EMPTY_FILTERS,
  metric: DEFAULT_METRIC,
  governorate: null,
  project: null,
  zone: null,
  plots: [],
  zoneMetric: DEFAULT_ZONE_METRIC,
  zonesTable: null,
  camera: null,
  screen: DEFAULT_SCREEN,
  plan: EMPTY_PLAN_VIEW,
  minister: EMPTY_MINISTER_VIEW,
  review: EMPTY_REVIEW_VIEW,
  compare: EMPTY_COMPARE_VIEW,
  changes: EMPTY_CHANGES_VIEW,
};

const PARAM = {
  language: 'lang',
  governorate: 'gov',
  camera: 'map',
  metric: 'metric',
  project: 'project',
  zone: 'zone',
  plots: 'plot',
  zoneMetric: 'zone_metric',
  zonesTable: 'zones',
  year: 'year',
  q: 'q',
} as const;

const MAX_ZOOM = 22;
const MAX_LAT = 85.051129;
const ZOOM_DECIMALS = 2;
const COORD_DECIMALS = 4;

/** A plain decimal number, as `formatCamera` writes it (no exponent, no empty string). */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const POSITIVE_INTEGER = /^[1-9]\d{0,14}$/;

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
  const metric = params.get(PARAM.metric);
  const zone = parseId(params.get(PARAM.zone));
  const zoneMetric = params.get(PARAM.zoneMetric);
  const zonesTable = params.get(PARAM.zonesTable);
  return {
    language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    filters: parseFilters(params),
    metric: isOneOf(CHOROPLETH_METRICS, metric) ? metric : DEFAULT_METRIC,
    governorate: governorate !== null && isGovernorateCode(governorate) ? governorate : null,
    project: parseId(params.get(PARAM.project)),
    zone,
    plots: zone === null ? [] : parseIds(params.get(PARAM.plots)),
    zoneMetric: isOneOf(ZONE_METRICS, zoneMetric) ? zoneMetric : DEFAULT_ZONE_METRIC,
    zonesTable: isOneOf(ZONE_SORTS, zonesTable) ? zonesTable : null,
    camera: parseCamera(params.get(PARAM.camera)),
    screen: parseScreen(params),
    plan: parsePlanView(params),
    minister: parseMinisterView(params),
    review: parseReviewView(params),
    compare: parseCompareView(params),
    changes: parseChangesView(params),
  };
}

/** Writes the view state as a query string starting with `?`, or `''` when everything is default. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.language !== DEFAULT_LANGUAGE) params.set(PARAM.language, state.language);
  serializeFilters(state.filters, params);
  if (state.metric !== DEFAULT_METRIC) params.set(PARAM.metric, state.metric);
  if (state.governorate !== null) params.set(PARAM.governorate, state.governorate);
  if (state.zoneMetric !== DEFAULT_ZONE_METRIC) params.set(PARAM.zoneMetric, state.zoneMetric);
  if (state.zonesTable !== null) params.set(PARAM.zonesTable, state.zonesTable);
  if (state.zone !== null) params.set(PARAM.zone, String(state.zone));
  if (state.zone !== null && state.plots.length > 0) params.set(PARAM.plots, state.plots.join(','));
  if (state.project !== null) params.set(PARAM.project, String(state.project));
  if (state.camera !== null) params.set(PARAM.camera, formatCamera(state.camera));
  serializePlanView(state.screen, state.plan, params);
  serializeMinisterView(state.screen, state.minister, params);
  serializeReviewView(state.screen, state.review, params);
  serializeCompareView(state.screen, state.compare, params);
  serializeChangesView(state.screen, state.changes, params);
  const query = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':');
  return query === '' ? '' : `?${query}`;
}

/**
 * The filters in the query string: known list values only (deduplicated, in vocabulary order), and
 * funders of slug shape (deduplicated, in the order given; unknown ones are dropped by the page once
 * the API's list has arrived).
 */
export function parseFilters(params: URLSearchParams): Filters {
  const list = <K extends keyof typeof LIST_FILTERS>(key: K): Filters[K] => {
    const given = new Set((params.get(key) ?? '').split(',').map((v) => v.trim()));
    return LIST_FILTERS[key].filter((value) => given.has(value)) as Filters[K];
  };
  const year = Number(params.get(PARAM.year));
  const q = (params.get(PARAM.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  return {
    kind: list('kind'),
    sector: list('sector'),
    status: list('status'),
    funder: [...new Set((params.get('funder') ?? '').split(',').map((v) => v.trim()))].filter(isFunderSlug),
    year: Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null,
    q,
  };
}

export function serializeFilters(filters: Filters, params: URLSearchParams): void {
  for (const key of ['kind', 'sector', 'status', 'funder'] as const) {
    if (filters[key].length > 0) params.set(key, filters[key].join(','));
  }
  if (filters.year !== null) params.set(PARAM.year, String(filters.year));
  if (filters.q.trim() !== '') params.set(PARAM.q, filters.q.trim());
}

function parseId(value: string | null): number | null {
  return value !== null && POSITIVE_INTEGER.test(value) ? Number(value) : null;
}

/** At most as many plots as one status change takes. */
export const MAX_SELECTED_PLOTS = 500;

/** Comma-separated ids: the well-formed ones, each once, in the order given. */
function parseIds(value: string | null): number[] {
  if (value === null) return [];
  const ids = value.split(',').map((part) => parseId(part.trim())).filter((id): id is number => id !== null);
  return [...new Set(ids)].slice(0, MAX_SELECTED_PLOTS);
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
