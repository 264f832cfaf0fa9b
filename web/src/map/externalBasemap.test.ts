import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './buildStyle.ts';
import { EXTERNAL_ID_PREFIX, mergeExternalBasemap } from './externalBasemap.ts';
import { MAP_FONT } from './constants.ts';
import { GOVERNORATE_LABELS_LAYER_ID } from './layers/governorateLabels.ts';
import { GOVERNORATES_FILL_LAYER_ID } from './layers/governoratesFill.ts';
import { AGGREGATE_LAYERS, AGGREGATE_SOURCE_IDS } from './layers/projectAggregates.ts';
import { SOURCE_IDS } from './sources.ts';

const ours = buildStyle('ar', { fontsUrl: 'http://localhost:8787/fonts/', origin: 'http://localhost:8787' });

/** A small vector basemap in the shape of an OpenMapTiles style; nothing is fetched. */
const external: StyleSpecification = {
  version: 8,
  name: 'Example streets',
  center: [0, 0],
  zoom: 1,
  glyphs: 'https://tiles.example.org/fonts/{fontstack}/{range}.pbf',
  sprite: 'https://tiles.example.org/sprite',
  sources: {
    openmaptiles: { type: 'vector', url: 'https://tiles.example.org/tiles.json' },
    countries: { type: 'vector', url: 'https://tiles.example.org/countries.json' },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#eee' } },
    { id: 'water', type: 'fill', source: 'openmaptiles', 'source-layer': 'water', paint: { 'fill-color': '#9cf' } },
    { id: 'country-line', type: 'line', source: 'countries', 'source-layer': 'boundary' },
    {
      id: 'place',
      type: 'symbol',
      source: 'openmaptiles',
      'source-layer': 'place',
      layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'] },
    },
  ],
};

describe('mergeExternalBasemap', () => {
  const merged = mergeExternalBasemap(ours, external);
  const ids = merged.layers.map((layer) => layer.id);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(merged)).toEqual([]);
  });

  it('puts the external layers first, then our non-basemap layers in their slots', () => {
    expect(ids).toEqual([
      'background',
      'water',
      `${EXTERNAL_ID_PREFIX}country-line`,
      'place',
      GOVERNORATES_FILL_LAYER_ID,
      'governorates-line',
      'country-line',
      GOVERNORATE_LABELS_LAYER_ID,
      ...AGGREGATE_LAYERS.map((layer) => layer.id),
    ]);
    expect(ids).not.toContain('countries-land');
    expect(merged.layers[0]).toEqual(external.layers[0]);
  });

  it('keeps both sets of sources, renaming an external one that has our id', () => {
    expect(Object.keys(merged.sources)).toEqual([
      'openmaptiles',
      `${EXTERNAL_ID_PREFIX}countries`,
      SOURCE_IDS.countries,
      SOURCE_IDS.governorates,
      SOURCE_IDS.governorateLabels,
      ...Object.values(AGGREGATE_SOURCE_IDS),
    ]);
    expect(merged.sources[SOURCE_IDS.governorates]).toEqual(ours.sources[SOURCE_IDS.governorates]);
    const renamedLine = merged.layers.find((layer) => layer.id === `${EXTERNAL_ID_PREFIX}country-line`);
    expect(renamedLine !== undefined && 'source' in renamedLine ? renamedLine.source : null).toBe(`${EXTERNAL_ID_PREFIX}countries`);
  });

  it('keeps our font faces and the external glyphs and sprite, but not its camera', () => {
    expect(merged['font-faces']?.[MAP_FONT]).toEqual(ours['font-faces']?.[MAP_FONT]);
    expect(merged.glyphs).toBe(external.glyphs);
    expect(merged.sprite).toBe(external.sprite);
    expect(merged.center).toBeUndefined();
    expect(merged.zoom).toBeUndefined();
  });

  it('carries over the current state of our layers (data, colours, label language)', () => {
    const current: StyleSpecification = {
      ...ours,
      sources: { ...ours.sources, [SOURCE_IDS.governorates]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' } },
      layers: ours.layers.map((layer) =>
        layer.id === GOVERNORATES_FILL_LAYER_ID && layer.type === 'fill' ? { ...layer, paint: { ...layer.paint, 'fill-color': '#123456' } } : layer,
      ),
    };
    const fill = mergeExternalBasemap(current, external).layers.find((layer) => layer.id === GOVERNORATES_FILL_LAYER_ID);
    expect(fill?.type === 'fill' ? fill.paint?.['fill-color'] : undefined).toBe('#123456');
  });

  it('gives the same style when merged again over its own result', () => {
    expect(mergeExternalBasemap(merged, external)).toEqual(merged);
  });
});
