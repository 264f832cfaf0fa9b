import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_LAYERS, buildStyle } from './buildStyle.ts';
import { LAYER_ORDER } from './layerOrder.ts';
import { GOVERNORATE_LABELS_LAYER_ID } from './layers/governorateLabels.ts';

const ORIGIN = 'http://localhost:8787';
const FONTS_URL = `${ORIGIN}/fonts/`;

describe('buildStyle', () => {
  it.each(['ar', 'en'] as const)('is a valid MapLibre style in %s', (language) => {
    expect(validateStyleMin(buildStyle(language, { fontsUrl: FONTS_URL, origin: ORIGIN }))).toEqual([]);
  });

  it('puts the layers in the named order, one per slot', () => {
    const style = buildStyle('ar', { fontsUrl: FONTS_URL, origin: ORIGIN });
    const slotById = new Map(BASEMAP_LAYERS.map((layer) => [layer.id, layer.slot]));
    expect(style.layers.map((layer) => slotById.get(layer.id))).toEqual([...LAYER_ORDER]);
  });

  it('gives every layer a unique id', () => {
    const ids = buildStyle('ar', { fontsUrl: FONTS_URL, origin: ORIGIN }).layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels in Arabic with the short name, in English with the English name', () => {
    const textField = (language: 'ar' | 'en') => {
      const labels = buildStyle(language, { fontsUrl: FONTS_URL, origin: ORIGIN }).layers.find(
        (layer) => layer.id === GOVERNORATE_LABELS_LAYER_ID,
      );
      return labels?.type === 'symbol' ? labels.layout?.['text-field'] : undefined;
    };
    expect(JSON.stringify(textField('ar'))).toContain('name_ar_short');
    expect(JSON.stringify(textField('en'))).toContain('name_en');
  });

  it('refers to nothing outside our own server', () => {
    const style = buildStyle('en', { fontsUrl: FONTS_URL, origin: ORIGIN });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = JSON.stringify(style).match(/https?:\/\/[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${ORIGIN}/`)).toBe(true);
  });
});
