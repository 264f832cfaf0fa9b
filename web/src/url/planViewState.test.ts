import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN_VIEW, parsePlanView, parseScreen, serializePlanView } from './planViewState.ts';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState } from './viewState.ts';

describe('the plans screen in the address', () => {
  it('reads the screen, country, year, sector, cell and the map indicator', () => {
    const params = new URLSearchParams('view=plans&country=syr&plan_year=2026&plan_sector=water&cell=SY-HL:service_centres_opened&indicator=road_km_paved');
    expect(parseScreen(params)).toBe('plans');
    expect(parsePlanView(params)).toEqual({ country: 'SYR', year: 2026, sector: 'water', cell: 'SY-HL:service_centres_opened', indicator: 'road_km_paved' });
  });

  it('ignores what it does not understand', () => {
    const params = new URLSearchParams('view=plan&country=SY&plan_year=26&plan_sector=space&cell=SY-HL&indicator=Road-km');
    expect(parseScreen(params)).toBe('map');
    expect(parsePlanView(params)).toEqual(EMPTY_PLAN_VIEW);
    expect(parsePlanView(new URLSearchParams('cell=national:x%27;--'))).toEqual(EMPTY_PLAN_VIEW);
  });

  it('round-trips through the whole view state, leaving the defaults out', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
    const query = '?view=plans&country=LBY&plan_year=2025&cell=national:budget_execution';
    const state = parseViewState(query);
    expect(state.screen).toBe('plans');
    expect(state.plan).toEqual({ ...EMPTY_PLAN_VIEW, country: 'LBY', year: 2025, cell: 'national:budget_execution' });
    expect(serializeViewState(state)).toBe('?view=plans&country=LBY&plan_year=2025&cell=national:budget_execution');
    const params = new URLSearchParams();
    serializePlanView('map', EMPTY_PLAN_VIEW, params);
    expect(params.toString()).toBe('');
  });

  it('keeps the map metric of the plan with its indicator', () => {
    const state = parseViewState('?metric=plan&indicator=service_centres_opened');
    expect(state.metric).toBe('plan');
    expect(state.plan.indicator).toBe('service_centres_opened');
    expect(serializeViewState(state)).toBe('?metric=plan&indicator=service_centres_opened');
  });
});
