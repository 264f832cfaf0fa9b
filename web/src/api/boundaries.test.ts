import { describe, expect, it } from 'vitest';
import { DAMASCUS_FEATURE } from '../testing/boundaryFixtures.ts';
import { boundariesUrl, isCountryCollection, isGovernorateCollection } from './boundaries.ts';

const damascus = DAMASCUS_FEATURE;

describe('boundary collections', () => {
  it('builds same-origin API addresses', () => {
    expect(boundariesUrl('governorates')).toBe('/api/boundaries/governorates');
  });

  it('accepts a governorate collection, including an empty one', () => {
    expect(isGovernorateCollection({ type: 'FeatureCollection', features: [damascus] })).toBe(true);
    expect(isGovernorateCollection({ type: 'FeatureCollection', features: [] })).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(isGovernorateCollection(null)).toBe(false);
    expect(isGovernorateCollection({ type: 'Feature' })).toBe(false);
    expect(isGovernorateCollection({ type: 'FeatureCollection', features: [{ ...damascus, properties: null }] })).toBe(
      false,
    );
    const noCode = { ...damascus, properties: { ...damascus.properties, code: 7 } };
    expect(isGovernorateCollection({ type: 'FeatureCollection', features: [noCode] })).toBe(false);
    expect(isCountryCollection({ type: 'FeatureCollection', features: [damascus] })).toBe(false);
  });
});
