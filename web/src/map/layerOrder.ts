/**
 * Where each map layer sits, bottom to top. Layers are placed by slot, never by position, so that
 * later data layers (choropleth, zones, projects) slot in without reshuffling the basemap.
 */
export const LAYER_ORDER = [
  'background',
  'countries',
  'governorates-fill',
  'governorates-line',
  'country-line',
  'labels',
] as const;

export type LayerSlot = (typeof LAYER_ORDER)[number];

export function slotIndex(slot: LayerSlot): number {
  return LAYER_ORDER.indexOf(slot);
}
