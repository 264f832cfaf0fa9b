import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_STATE,
  parseCamera,
  parseViewState,
  roundCamera,
  serializeViewState,
  type ViewState,
} from './viewState.ts';
import { EMPTY_PLAN_VIEW } from './planViewState.ts';
import { isNavigation } from './useViewState.ts';
import { EMPTY_MINISTER_VIEW } from './ministerViewState.ts';
import { EMPTY_COMPARE_VIEW } from './compareViewState.ts';
import { EMPTY_REVIEW_VIEW } from './reviewViewState.ts';
import { EMPTY_CHANGES_VIEW } from './changesViewState.ts';

describe('parseViewState', () => {
  it('gives the Arabic overview for an empty query', () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
    expect(parseViewState('?')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('reads language, governorate and camera', () => {
    expect(parseViewState('?lang=en&gov=SY-DI&map=7.25/33.51/36.29')).toEqual({
      ...DEFAULT_VIEW_STATE,
      language: 'en',
      governorate: 'SY-DI',
      camera: { zoom: 7.25, lat: 33.51, lon: 36.29 },
    });
  });

  it('accepts a lower-case governorate code and no leading ?', () => {
    expect(parseViewState('gov=ly-ba').governorate).toBe('LY-BA');
  });

  it('ignores values it does not understand', () => {
    expect(parseViewState('?lang=fr&gov=Damascus&map=7/33')).toEqual(DEFAULT_VIEW_STATE);
    expect(parseViewState('?gov=SY-DI%27%3B--').governorate).toBeNull();
  });
});

describe('parseCamera', () => {
  it('rejects out-of-range and non-numeric cameras', () => {
    expect(parseCamera('23/0/0')).toBeNull();
    expect(parseCamera('-1/0/0')).toBeNull();
    expect(parseCamera('5/86/0')).toBeNull();
    expect(parseCamera('5/0/181')).toBeNull();
    expect(parseCamera('5/x/0')).toBeNull();
    expect(parseCamera('5//0')).toBeNull();
    expect(parseCamera('5/0/0/1')).toBeNull();
  });

  it('accepts the edges of the range', () => {
    expect(parseCamera('0/-85/-180')).toEqual({ zoom: 0, lat: -85, lon: -180 });
    expect(parseCamera('22/85/180')).toEqual({ zoom: 22, lat: 85, lon: 180 });
  });
});

describe('serializeViewState', () => {
  it('writes nothing for the defaults', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('writes a readable query with a rounded camera', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      language: 'en',
      governorate: 'SY-DI',
      camera: { zoom: 7.123456, lat: 33.512345678, lon: 36.29 },
    };
    expect(serializeViewState(state)).toBe('?lang=en&gov=SY-DI&map=7.12/33.5123/36.2900');
  });

  it('round-trips through parseViewState', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      language: 'ar',
      governorate: 'SA-01',
      camera: roundCamera({ zoom: 5.5, lat: 24.7136, lon: 46.6753 }),
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });
});

describe('filters, metric and selection in the URL', () => {
  it('reads the filters, keeping known values only, in vocabulary order', () => {
    const state = parseViewState('?status=suspended,in_progress,lost&sector=water&kind=craft_zone&funder=undp,No%20Body,-x&year=2025&q=%20مدرسة%20');
    expect(state.filters).toEqual({
      kind: ['craft_zone'],
      sector: ['water'],
      status: ['in_progress', 'suspended'],
      funder: ['undp'],
      year: 2025,
      q: 'مدرسة',
    });
  });

  it('keeps any funder of slug shape, deduplicated, in the order given', () => {
    expect(parseViewState('?funder=world-bank,undp,world-bank,some-new-donor').filters.funder).toEqual([
      'world-bank',
      'undp',
      'some-new-donor',
    ]);
    expect(parseViewState('?funder=UNDP,a_b,%27%3B--,').filters.funder).toEqual([]);
  });

  it('ignores an unknown metric, a year out of range and ids that are not positive integers', () => {
    const state = parseViewState('?metric=colour&year=1800&project=-3&zone=1e3');
    expect(state.metric).toBe('progress');
    expect(state.filters.year).toBeNull();
    expect(state.project).toBeNull();
    expect(state.zone).toBeNull();
  });

  it('writes filters comma-separated and round-trips everything', () => {
    const state: ViewState = {
      language: 'en',
      filters: { kind: [], sector: ['water', 'health'], status: ['in_progress'], funder: ['world-bank'], year: 2024, q: 'school' },
      metric: 'delayed',
      governorate: 'SY-DI',
      project: 1918,
      zone: 24,
      plots: [310, 307],
      zoneMetric: 'occupancy',
      zonesTable: null,
      camera: roundCamera({ zoom: 9, lat: 33.5, lon: 36.3 }),
      screen: 'map',
      plan: EMPTY_PLAN_VIEW,
      minister: EMPTY_MINISTER_VIEW,
      review: EMPTY_REVIEW_VIEW,
      compare: EMPTY_COMPARE_VIEW,
      changes: EMPTY_CHANGES_VIEW,
    };
    const query = serializeViewState(state);
    expect(query).toBe(
      '?lang=en&sector=water,health&status=in_progress&funder=world-bank&year=2024&q=school&metric=delayed&gov=SY-DI&zone=24&plot=310,307&project=1918&map=9.00/33.5000/36.3000',
    );
    expect(parseViewState(query)).toEqual(state);
  });
});

describe('the zones in the URL: map metric and table', () => {
  it('reads the zone metric and the open table with its sort', () => {
    const state = parseViewState('?zone_metric=jobs&zones=-readiness&zone=7');
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, zoneMetric: 'jobs', zonesTable: '-readiness', zone: 7 });
  });

  it('falls back to occupancy and a closed table for values it does not know', () => {
    const state = parseViewState('?zone_metric=budget&zones=-budget');
    expect(state.zoneMetric).toBe('occupancy');
    expect(state.zonesTable).toBeNull();
    expect(parseViewState('?zones=occupancy%3Bdrop').zonesTable).toBeNull();
  });

  it('leaves the defaults out and round-trips the rest', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, zoneMetric: 'occupancy', zonesTable: null })).toBe('');
    const state: ViewState = { ...DEFAULT_VIEW_STATE, language: 'en', zoneMetric: 'readiness', zonesTable: 'occupancy', zone: 24 };
    const query = serializeViewState(state);
    expect(query).toBe('?lang=en&zone_metric=readiness&zones=occupancy&zone=24');
    expect(parseViewState(query)).toEqual(state);
    expect(parseViewState(serializeViewState({ ...state, zonesTable: '-jobs' })).zonesTable).toBe('-jobs');
  });
});

describe('selected plots in the URL', () => {
  it('reads well-formed plot ids of the open zone, each once, in the order given', () => {
    expect(parseViewState('?zone=24&plot=12').plots).toEqual([12]);
    expect(parseViewState('?zone=24&plot=12,x,7,12,-3,0,8').plots).toEqual([12, 7, 8]);
  });

  it('has no plots without a zone, and writes none', () => {
    expect(parseViewState('?plot=12').plots).toEqual([]);
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, plots: [12] })).toBe('');
  });

  it('keeps at most as many plots as one status change takes', () => {
    const many = Array.from({ length: 600 }, (_, i) => i + 1).join(',');
    expect(parseViewState(`?zone=1&plot=${many}`).plots).toHaveLength(500);
  });

  it('counts another zone or other plots as a step of the history, panning not', () => {
    const zone = { ...DEFAULT_VIEW_STATE, zone: 24 };
    expect(isNavigation(DEFAULT_VIEW_STATE, zone)).toBe(true);
    expect(isNavigation(zone, { ...zone, plots: [3] })).toBe(true);
    expect(isNavigation({ ...zone, plots: [3] }, { ...zone, plots: [3], camera: { zoom: 14, lat: 33, lon: 36 } })).toBe(false);
  });
});
