/**
 * Where each map layer sits, bottom to top, grouped as basemap, boundaries, choropleth, zones,
 * projects, labels and counts. Layers are placed by slot, never by position.
 *
 * MapLibre draws the basemap, boundaries, choropleth, labels and the project counts below the detail
 * zoom (`LAYER_ORDER`, `layers/projectAggregates.ts`); deck.gl draws the
 * zones and projects on its own canvas over the map (`DECK_LAYER_ORDER`), so on screen they sit
 * above MapLibre's labels.
 */
export const LAYER_GROUPS = ['basemap', 'boundaries', 'choropleth', 'zones', 'projects', 'labels', 'counts'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const LAYER_ORDER = [
  'background',
  'countries',
  'governorates-fill',
  'governorates-line',
  'country-line',
  'labels',
  'project-clusters',
  'project-cluster-numbers',
  'count-badges',
  'count-badge-numbers',
] as const;

export type LayerSlot = (typeof LAYER_ORDER)[number];

/** The group each MapLibre slot belongs to. */
export const SLOT_GROUP: Record<LayerSlot, LayerGroup> = {
  background: 'basemap',
  countries: 'basemap',
  'governorates-fill': 'choropleth',
  'governorates-line': 'boundaries',
  'country-line': 'boundaries',
  labels: 'labels',
  'project-clusters': 'counts',
  'project-cluster-numbers': 'counts',
  'count-badges': 'counts',
  'count-badge-numbers': 'counts',
};

/**
 * deck.gl layers, bottom to top. Plots sit over projects: a zone is a project too, and its own
 * polygon must not veil its plots. The ring around projects with a critical obstacle sits just
 * over the projects.
 */
export const DECK_LAYER_ORDER = ['zones', 'projects', 'obstacles', 'plots'] as const;
export type DeckSlot = (typeof DECK_LAYER_ORDER)[number];

export function slotIndex(slot: LayerSlot): number {
  return LAYER_ORDER.indexOf(slot);
}

export function deckSlotIndex(slot: DeckSlot): number {
  return DECK_LAYER_ORDER.indexOf(slot);
}
