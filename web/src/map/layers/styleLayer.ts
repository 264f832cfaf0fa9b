import type { LayerSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language.ts';
import type { LayerSlot } from '../layerOrder.ts';

/** What a layer's style may depend on. */
export interface StyleContext {
  language: Language;
}

/** One map layer: a stable id, its slot in the layer order, and how to style it. */
export interface StyleLayer {
  readonly id: string;
  readonly slot: LayerSlot;
  build(context: StyleContext): LayerSpecification;
}

/**
 * Feature-state keys set by the map view on governorates: hover and selection, and `color`, the
 * class colour of the choropleth's metric (absent: no data).
 */
export const FEATURE_STATE = { hover: 'hover', selected: 'selected', color: 'color' } as const;

/** A layer whose style depends on nothing but itself: its id is the style's. */
export function fixedLayer(slot: LayerSlot, style: LayerSpecification): StyleLayer {
  // A fresh copy each time, as a built style is handed to MapLibre.
  return { id: style.id, slot, build: () => structuredClone(style) };
}
