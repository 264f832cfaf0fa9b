import type { Map as MaplibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { DeckOverlay } from './deck/createDeckOverlay.ts';
import type { PickedFeature } from './deck/tileFeatures.ts';
import { PROJECTS_DETAIL_MINZOOM, readPickedFeature } from './deck/tileFeatures.ts';
import { PROJECT_CLUSTERS_LAYER_ID } from './layers/projectAggregates.ts';
import { GOVERNORATES_FILL_LAYER_ID } from './layers/governoratesFill.ts';

export interface MapClickHandlers {
  onSelectGovernorate: (code: string | null) => void;
  onSelectProject: (id: number) => void;
  onSelectZone: (id: number) => void;
  /** A plot was clicked: its zone and the plot. */
  onSelectPlot?: (zone: number, plot: number) => void;
}

export interface HoveredFeature {
  feature: PickedFeature;
  x: number;
  y: number;
}

/** A numbered cluster MapLibre draws at this pixel (between the national and the detail zoom). */
function pickCluster(map: MaplibreMap, point: PointLike): PickedFeature | null {
  const [feature] = map.queryRenderedFeatures(point, { layers: [PROJECT_CLUSTERS_LAYER_ID] });
  if (feature === undefined || feature.geometry.type !== 'Point') return null;
  return readPickedFeature({ ...feature.toJSON(), properties: { ...feature.properties, layerName: feature.sourceLayer } }, feature.geometry.coordinates);
}

/**
 * Clicks and hover as a GIS user expects: a plot, project or zone under the pointer wins over the
 * governorate beneath it; a cluster zooms in on itself; a click on a governorate selects it, and
 * a click outside every governorate clears the selection.
 */
export function useMapPointer(
  map: MaplibreMap | null,
  overlay: DeckOverlay | null,
  handlers: MapClickHandlers,
  enabled = true,
): HoveredFeature | null {
  const { onSelectGovernorate, onSelectProject, onSelectZone, onSelectPlot } = handlers;
  const [hovered, setHovered] = useState<HoveredFeature | null>(null);

  useEffect(() => {
    if (map === null || !enabled) return;
    const onClick = (event: MapMouseEvent) => {
      const picked = overlay?.pick(event.point.x, event.point.y) ?? pickCluster(map, event.point);
      if (picked?.type === 'plot') return onSelectPlot === undefined ? onSelectZone(picked.properties.zone_id) : onSelectPlot(picked.properties.zone_id, picked.id);
      if (picked?.type === 'project') return onSelectProject(picked.id);
      if (picked?.type === 'zone') return onSelectZone(picked.id);
      if (picked?.type === 'cluster') {
        const zoom = Math.min(PROJECTS_DETAIL_MINZOOM, map.getZoom() + 2);
        map.easeTo({ center: [picked.lon, picked.lat], zoom, duration: 400 });
        return;
      }
      const [feature] = map.queryRenderedFeatures(event.point, { layers: [GOVERNORATES_FILL_LAYER_ID] });
      onSelectGovernorate(typeof feature?.id === 'string' ? feature.id : null);
    };
    const onMove = (event: MapMouseEvent) => {
      const picked = overlay?.pick(event.point.x, event.point.y) ?? pickCluster(map, event.point);
      setHovered(picked === null ? null : { feature: picked, x: event.point.x, y: event.point.y });
      if (picked !== null) map.getCanvas().style.cursor = 'pointer';
    };
    const onLeave = () => setHovered(null);
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      setHovered(null);
    };
  }, [map, overlay, enabled, onSelectGovernorate, onSelectProject, onSelectZone, onSelectPlot]);

  return hovered;
}

