import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { collectionBbox } from './bbox.ts';

describe('collectionBbox', () => {
  it('is null for an empty collection or features without geometry', () => {
    expect(collectionBbox({ type: 'FeatureCollection', features: [] })).toBeNull();
    expect(
      collectionBbox({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }] }),
    ).toBeNull();
  });

  it('spans points, polygons and multipolygons together', () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [36.29, 33.51] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [[[9.3, 25.0], [25.1, 19.5], [20.0, 33.2], [9.3, 25.0]]],
              [[[34.5, 16.3], [55.7, 22.0], [42.0, 32.2], [34.5, 16.3]]],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'GeometryCollection',
            geometries: [{ type: 'LineString', coordinates: [[40, 37.3], [41, 37]] }],
          },
        },
      ],
    };
    expect(collectionBbox(collection)).toEqual([9.3, 16.3, 55.7, 37.3]);
  });
});
