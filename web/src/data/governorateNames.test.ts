import { describe, expect, it } from 'vitest';
import type { CountryCollection, GovernorateCollection } from '../api/boundaries.ts';
import { DAMASCUS, DAMASCUS_FEATURE } from '../testing/boundaryFixtures.ts';
import { countryName, findGovernorate, governorateKind, governorateName } from './governorateNames.ts';

const damascus = DAMASCUS;

const governorates: GovernorateCollection = { type: 'FeatureCollection', features: [DAMASCUS_FEATURE] };

const countries: CountryCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'SYR',
      geometry: { type: 'MultiPolygon', coordinates: [] },
      properties: { iso3: 'SYR', iso2: 'SY', name_en: 'Syria', name_ar: 'سوريا' },
    },
  ],
};

describe('governorate names', () => {
  it('finds a governorate by code', () => {
    expect(findGovernorate(governorates, 'SY-DI')).toBe(damascus);
    expect(findGovernorate(governorates, 'SY-XX')).toBeNull();
    expect(findGovernorate(governorates, null)).toBeNull();
    expect(findGovernorate(undefined, 'SY-DI')).toBeNull();
  });

  it('uses the short Arabic name, or the full one when the short one is empty', () => {
    expect(governorateName(damascus, 'ar')).toBe('دمشق');
    expect(governorateName(damascus, 'en')).toBe('Damascus');
    expect(governorateName({ ...damascus, name_ar_short: '' }, 'ar')).toBe('محافظة دمشق');
  });

  it('names the kind and the country in the chosen language', () => {
    expect(governorateKind(damascus, 'ar')).toBe('محافظة');
    expect(governorateKind(damascus, 'en')).toBe('governorate');
    expect(countryName(countries, 'SYR', 'ar')).toBe('سوريا');
    expect(countryName(countries, 'SYR', 'en')).toBe('Syria');
    expect(countryName(countries, 'LBY', 'en')).toBe('LBY');
  });
});
