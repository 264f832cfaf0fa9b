import { describe, expect, it } from 'vitest';
import type { CountryCollection, GovernorateCollection, GovernorateProperties } from '../api/boundaries.ts';
import { countryName, findGovernorate, governorateKind, governorateName } from './governorateNames.ts';

const damascus: GovernorateProperties = {
  code: 'SY-DI',
  country_iso3: 'SYR',
  kind: 'governorate',
  kind_ar: 'محافظة',
  name_en: 'Damascus',
  name_ar: 'محافظة دمشق',
  name_ar_short: 'دمشق',
};

const governorates: GovernorateCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [] }, properties: damascus }],
};

const countries: CountryCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
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
