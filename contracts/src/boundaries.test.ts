import { describe, expect, it } from 'vitest';
import { CountryCollection, GovernorateCollection, GovernorateLabelCollection } from './boundaries.ts';

const aleppo = {
  type: 'Feature',
  id: 'SY-HL',
  geometry: { type: 'MultiPolygon', coordinates: [] },
  properties: { code: 'SY-HL', country_iso3: 'SYR', kind: 'governorate', kind_ar: 'محافظة', name_en: 'Aleppo', name_ar: 'محافظة حلب', name_ar_short: 'حلب' },
};
const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, body: unknown) => schema.safeParse(body).success;

describe('boundary collections', () => {
  it('accepts a governorate collection, including an empty one', () => {
    expect(accepts(GovernorateCollection, { type: 'FeatureCollection', features: [aleppo] })).toBe(true);
    expect(accepts(GovernorateCollection, { type: 'FeatureCollection', features: [] })).toBe(true);
    expect(accepts(GovernorateLabelCollection, { type: 'FeatureCollection', features: [{ ...aleppo, geometry: { type: 'Point', coordinates: [36.3, 33.5] } }] })).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(accepts(GovernorateCollection, null)).toBe(false);
    expect(accepts(GovernorateCollection, { type: 'Feature' })).toBe(false);
    expect(accepts(GovernorateCollection, { type: 'FeatureCollection', features: [{ ...aleppo, properties: null }] })).toBe(false);
    const noCode = { ...aleppo, properties: { ...aleppo.properties, code: 7 } };
    expect(accepts(GovernorateCollection, { type: 'FeatureCollection', features: [noCode] })).toBe(false);
    expect(accepts(CountryCollection, { type: 'FeatureCollection', features: [aleppo] })).toBe(false);
  });

  it('keeps a geometry as it came, without walking its coordinates', () => {
    const outline = { type: 'MultiPolygon', coordinates: [[[[36.2, 33.4], [36.4, 33.4], [36.3, 33.6], [36.2, 33.4]]]] };
    const parsed = GovernorateCollection.parse({ type: 'FeatureCollection', features: [{ ...aleppo, geometry: outline }] });
    expect(parsed.features[0]!.geometry).toEqual(outline);
    expect(parsed.features[0]!.geometry.coordinates).toBe(outline.coordinates);
  });
});
