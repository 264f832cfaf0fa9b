import { describe, expect, it } from 'vitest';
import type { CountryCollection, GovernorateCollection, GovernorateProperties } from '../../api/boundaries.ts';
import { governorateGroups } from './governorateChoices.ts';

const area = (code: string, country_iso3: string, name_en: string, name_ar_short: string): GovernorateProperties => ({
  code,
  country_iso3,
  kind: 'governorate',
  kind_ar: 'محافظة',
  name_en,
  name_ar: `محافظة ${name_ar_short}`,
  name_ar_short,
});

const governorates: GovernorateCollection = {
  type: 'FeatureCollection',
  features: [
    area('SY-HM', 'SYR', 'Homs', 'حمص'),
    area('SY-DI', 'SYR', 'Damascus', 'دمشق'),
    area('SY-HL', 'SYR', 'Aleppo', 'حلب'),
    area('LY-TB', 'LBY', 'Tripoli', 'طرابلس'),
  ].map((properties) => ({ type: 'Feature', id: properties.code, geometry: { type: 'MultiPolygon', coordinates: [] }, properties })),
};

const countries: CountryCollection = {
  type: 'FeatureCollection',
  features: [
    { iso3: 'SYR', iso2: 'SY', name_en: 'Syria', name_ar: 'سوريا' },
    { iso3: 'LBY', iso2: 'LY', name_en: 'Libya', name_ar: 'ليبيا' },
  ].map((properties) => ({ type: 'Feature', id: properties.iso3, geometry: { type: 'MultiPolygon', coordinates: [] }, properties })),
};

const codes = (groups: ReturnType<typeof governorateGroups>) => groups.map((g) => [g.country, g.choices.map((c) => c.code)]);

describe('governorate choices', () => {
  it('groups every governorate by country, sorted by name in the current language', () => {
    expect(codes(governorateGroups(governorates, countries, 'en', null, []))).toEqual([
      ['LBY', ['LY-TB']],
      ['SYR', ['SY-HL', 'SY-DI', 'SY-HM']],
    ]);
    const arabic = governorateGroups(governorates, countries, 'ar', null, []);
    expect(arabic.map((g) => g.name)).toEqual(['سوريا', 'ليبيا']);
    expect(arabic[0]!.choices.map((c) => c.name)).toEqual(['حلب', 'حمص', 'دمشق']);
  });

  it("offers an organization's own country first, and only it, but keeps what is selected", () => {
    expect(codes(governorateGroups(governorates, countries, 'en', 'SYR', []))).toEqual([['SYR', ['SY-HL', 'SY-DI', 'SY-HM']]]);
    expect(codes(governorateGroups(governorates, countries, 'en', 'SYR', ['LY-TB']))).toEqual([
      ['SYR', ['SY-HL', 'SY-DI', 'SY-HM']],
      ['LBY', ['LY-TB']],
    ]);
  });

  it('is empty while the boundaries load', () => {
    expect(governorateGroups(undefined, undefined, 'ar', null, [])).toEqual([]);
  });
});
