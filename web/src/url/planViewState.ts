import { SECTORS, isOneOf, type Sector } from '../data/vocabulary.ts';

/**
 * The plans screen's part of the address (`?view=plans&country=SYR&plan_year=2026&plan_sector=water&cell=SY-HL:service_centres_opened`)
 * and the map's plan metric (`metric=plan&indicator=service_centres_opened`). The plan's year and
 * sector have names of their own: `year` and `sector` are the map's project filters (a year in
 * which projects were active, several sectors), which the matrix must not change behind the
 * reader's back.
 */
/** The screens that fill the page: the map, the plans matrix, the minister's view of obstacles, the meetings, the conflicts for review. */
export const SCREENS = ['map', 'plans', 'obstacles', 'meetings', 'review'] as const;
export type Screen = (typeof SCREENS)[number];

export interface PlanViewState {
  /** ISO 3166-1 alpha-3; `null`: the viewer's own country. */
  country: string | null;
  /** `null`: the current year. */
  year: number | null;
  sector: Sector | null;
  /** The open cell, `SY-HL:service_centres_opened` or `national:…` (see features/plans/attainment.ts). */
  cell: string | null;
  /** The indicator the map's plan metric colours by; `null`: the first of the catalogue. */
  indicator: string | null;
}

export const DEFAULT_SCREEN: Screen = 'map';
export const EMPTY_PLAN_VIEW: PlanViewState = { country: null, year: null, sector: null, cell: null, indicator: null };

const COUNTRY = /^[A-Z]{3}$/;
const YEAR = /^(20\d\d|2100)$/;
const INDICATOR = /^[a-z][a-z0-9_]{1,62}$/;
const CELL = /^(national|[A-Z]{2}-[A-Z0-9]{1,3}):[a-z][a-z0-9_]{1,62}(:[a-z_]{1,40})?$/;

export function parseScreen(params: URLSearchParams): Screen {
  const view = params.get('view');
  return isOneOf(SCREENS, view) ? view : DEFAULT_SCREEN;
}

export function parsePlanView(params: URLSearchParams): PlanViewState {
  const country = params.get('country')?.toUpperCase() ?? null;
  const year = params.get('plan_year');
  const sector = params.get('plan_sector');
  const cell = params.get('cell');
  const indicator = params.get('indicator');
  return {
    country: country !== null && COUNTRY.test(country) ? country : null,
    year: year !== null && YEAR.test(year) ? Number(year) : null,
    sector: isOneOf(SECTORS, sector) ? sector : null,
    cell: cell !== null && CELL.test(cell) ? cell : null,
    indicator: indicator !== null && INDICATOR.test(indicator) ? indicator : null,
  };
}

export function serializePlanView(screen: Screen, plan: PlanViewState, params: URLSearchParams): void {
  if (screen !== DEFAULT_SCREEN) params.set('view', screen);
  if (plan.country !== null) params.set('country', plan.country);
  if (plan.year !== null) params.set('plan_year', String(plan.year));
  if (plan.sector !== null) params.set('plan_sector', plan.sector);
  if (plan.cell !== null) params.set('cell', plan.cell);
  if (plan.indicator !== null) params.set('indicator', plan.indicator);
}
