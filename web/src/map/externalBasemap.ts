import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { BASEMAP_LAYERS } from './buildStyle.ts';
import { SLOT_GROUP, slotIndex } from './layerOrder.ts';
import { AGGREGATE_SOURCE_IDS } from './layers/projectAggregates.ts';
import { SOURCE_IDS } from './sources.ts';

/** Prefix given to an external source or layer whose id is one of ours. */
export const EXTERNAL_ID_PREFIX = 'external:';

/** Our layers drawn over an external basemap, bottom to top: all but our own sea and land. */
const OVERLAY_LAYERS = BASEMAP_LAYERS.filter((layer) => SLOT_GROUP[layer.slot] !== 'basemap').sort(
  (a, b) => slotIndex(a.slot) - slotIndex(b.slot),
);
const OUR_SOURCE_IDS: ReadonlySet<string> = new Set([...Object.values(SOURCE_IDS), ...Object.values(AGGREGATE_SOURCE_IDS)]);

function externalId(id: string, taken: ReadonlySet<string>): string {
  return taken.has(id) ? `${EXTERNAL_ID_PREFIX}${id}` : id;
}

/**
 * Our map over an external MapLibre style: the external sources and layers first (its land, sea,
 * roads and place names), then our boundary sources and our choropleth, outlines and labels in
 * their `LAYER_ORDER` slots; our own sea and land layers are dropped. `ours` is the map's current
 * style, so the boundary data, the choropleth colours and the label language carry over.
 *
 * Our `font-faces` are kept (and win over the external ones of the same name); the external glyphs
 * and sprite are kept for its own labels and icons. An external source or layer whose id is one of
 * ours is renamed with `EXTERNAL_ID_PREFIX`. The camera stays where the user put it (the external
 * style's centre, zoom, bearing and pitch are ignored), and so do the flat projection and terrain.
 * Merging again over an already merged style gives the same result.
 */
export function mergeExternalBasemap(ours: StyleSpecification, external: StyleSpecification): StyleSpecification {
  const ourLayers = OVERLAY_LAYERS.map((layer) => ours.layers.find((built) => built.id === layer.id)).filter(
    (layer): layer is LayerSpecification => layer !== undefined,
  );
  const ourLayerIds = new Set(ourLayers.map((layer) => layer.id));
  const ourSources = Object.entries(ours.sources).filter(([id]) => OUR_SOURCE_IDS.has(id));

  const externalSources: [string, SourceSpecification][] = Object.entries(external.sources).map(([id, source]) => [
    externalId(id, OUR_SOURCE_IDS),
    source,
  ]);
  const externalLayers = external.layers.map((layer): LayerSpecification => {
    const id = externalId(layer.id, ourLayerIds);
    if (!('source' in layer) || typeof layer.source !== 'string') return { ...layer, id };
    return { ...layer, id, source: externalId(layer.source, OUR_SOURCE_IDS) };
  });

  const fontFaces = { ...external['font-faces'], ...ours['font-faces'] };
  const merged: StyleSpecification = {
    version: 8,
    name: external.name ?? ours.name,
    sources: Object.fromEntries([...externalSources, ...ourSources]),
    layers: [...externalLayers, ...ourLayers],
  };
  if (Object.keys(fontFaces).length > 0) merged['font-faces'] = fontFaces;
  if (external.glyphs !== undefined) merged.glyphs = external.glyphs;
  if (external.sprite !== undefined) merged.sprite = external.sprite;
  if (external.state !== undefined) merged.state = external.state;
  if (external.light !== undefined) merged.light = external.light;
  if (external.sky !== undefined) merged.sky = external.sky;
  if (external.transition !== undefined) merged.transition = external.transition;
  return merged;
}
