import type { ZoneMetric } from '@marsad/contracts';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import type { DeckOverlay } from './deck/createDeckOverlay.ts';
import type { ZoneFocus } from './deck/plotsLayer.ts';
import type { CriticalPoint } from './deck/criticalObstaclesLayer.ts';
import type { ChangePoint } from './deck/changesLayer.ts';
import { NO_CRITICAL_POINTS } from './criticalPoints.ts';

/** No "what changed" rings (here, not in the deck.gl layer's file: deck.gl stays out of the first view). */
const NO_CHANGES: readonly ChangePoint[] = [];

export interface DeckOverlayStatus {
  overlay: DeckOverlay | null;
  /** The projects drawn for the current filters have loaded for the whole viewport. */
  projectsReady: boolean;
  /** The plots drawn for the current filters and zone have loaded for the whole viewport (from zoom 13). */
  plotsReady: boolean;
  /** deck.gl could not be loaded. */
  error: Error | null;
}

/**
 * Loads deck.gl on demand once the map has drawn its boundaries and choropleth (`start`: deck.gl's
 * code and its own WebGL context would otherwise compete with the first draw), adds the zones, projects and plots layers, and keeps
 * them in step with the filters (`query`), the zone metric and the open zone (`zoneFocus`);
 * `dimmed` fades them while a geometry is drawn; `criticalProjects` are ringed.
 */
export function useDeckOverlay(
  map: MaplibreMap | null,
  query: string,
  zoneMetric: ZoneMetric,
  dimmed = false,
  zoneFocus: ZoneFocus | null = null,
  criticalProjects: readonly CriticalPoint[] = NO_CRITICAL_POINTS,
  start = true,
  changedProjects: readonly ChangePoint[] = NO_CHANGES,
): DeckOverlayStatus {
  const [overlay, setOverlay] = useState<DeckOverlay | null>(null);
  const [loadedQuery, setLoadedQuery] = useState<string | null>(null);
  const [plotsQuery, setPlotsQuery] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  // Once started, deck.gl stays, even if the map is drawn again (a new language, an external basemap).
  const [started, setStarted] = useState(start);
  if (start && !started) setStarted(true);

  useEffect(() => {
    if (map === null || !started) return;
    let created: DeckOverlay | null = null;
    let cancelled = false;
    import('./deck/createDeckOverlay.ts')
      .then(({ createDeckOverlay }) => {
        if (cancelled) return;
        created = createDeckOverlay(map);
        setOverlay(created);
      })
      .catch((cause: unknown) => setError(cause instanceof Error ? cause : new Error(String(cause))));
    return () => {
      cancelled = true;
      created?.remove();
      setOverlay(null);
    };
  }, [map, started]);

  useEffect(() => {
    overlay?.update({ query, zoneMetric, onProjectsLoaded: () => setLoadedQuery(query), dimmed, zoneFocus, onPlotsLoaded: () => setPlotsQuery(query), criticalProjects, changedProjects });
  }, [overlay, query, zoneMetric, dimmed, zoneFocus, criticalProjects, changedProjects]);

  return { overlay, projectsReady: overlay !== null && loadedQuery === query, plotsReady: overlay !== null && plotsQuery === query, error };
}
