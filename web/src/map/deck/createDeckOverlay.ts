import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { ZoneMetric } from '@marsad/contracts';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { deckSlotIndex, type DeckSlot } from '../layerOrder.ts';
import { changesLayer, type ChangePoint } from './changesLayer.ts';
import { criticalObstaclesLayer, type CriticalPoint } from './criticalObstaclesLayer.ts';
import { plotsLayer, type ZoneFocus } from './plotsLayer.ts';
import { projectsLayer } from './projectsLayer.ts';
import { readPickedFeature, type PickedFeature, type TileFeature } from './tileFeatures.ts';
import { zonesLayer } from './zonesLayer.ts';

/** Pixels around the pointer in which a project counts as picked. */
const PICK_RADIUS = 4;

export interface DeckLayersState {
  /** Filters as an API query string. */
  query: string;
  /** What the zones are filled by. */
  zoneMetric: ZoneMetric;
  onProjectsLoaded: () => void;
  /** The open zone and its chosen plots, or null. */
  zoneFocus: ZoneFocus | null;
  onPlotsLoaded: () => void;
  /** While a geometry is drawn, projects and zones fade back so the shape being edited shows above them. */
  dimmed: boolean;
  /** Projects with an active critical obstacle (ringed); empty for those who see no obstacles. */
  criticalProjects: readonly CriticalPoint[];
  /** Projects listed by "what changed" (ringed); empty while its panel is closed. */
  changedProjects?: readonly ChangePoint[];
}

const DIMMED_OPACITY = 0.3;

/** The deck.gl part of the map: zones, projects, the critical-obstacle rings and plots over MapLibre, in `DECK_LAYER_ORDER`. */
export interface DeckOverlay {
  update(state: DeckLayersState): void;
  /** What deck.gl draws at this pixel of the map, if anything. */
  pick(x: number, y: number): PickedFeature | null;
  remove(): void;
}

/**
 * Adds a deck.gl overlay to the map (`interleaved: false`: deck.gl draws on its own canvas over the
 * map). This module is loaded on demand, so deck.gl is not in the first script the page loads.
 */
export function createDeckOverlay(map: MaplibreMap): DeckOverlay {
  // deck.gl sets up its WebGL device asynchronously and asserts when asked to pick before it has
  // (or after it is removed): until then, and after, nothing is under the pointer.
  let pickable = false;
  const overlay = new MapboxOverlay({ interleaved: false, layers: [], onLoad: () => (pickable = true) });
  map.addControl(overlay);
  // deck.gl's canvas takes no pointer (MapLibre's canvas under it has the keyboard and the clicks),
  // yet it is focusable: take it out of the Tab order so the keyboard does not stop on nothing.
  map.getContainer().querySelector('#deckgl-overlay')?.setAttribute('tabindex', '-1');

  return {
    update({ query, zoneMetric, onProjectsLoaded, dimmed, zoneFocus, onPlotsLoaded, criticalProjects, changedProjects = [] }) {
      const focusedZone = zoneFocus?.zone ?? null;
      const bySlot: Record<DeckSlot, Layer[]> = {
        zones: [zonesLayer(query, zoneMetric, focusedZone)],
        projects: [projectsLayer({ query, onViewportLoad: onProjectsLoaded, hidden: focusedZone })],
        obstacles: [...changesLayer(changedProjects), ...(criticalProjects.length === 0 ? [] : criticalObstaclesLayer(criticalProjects))],
        plots: [plotsLayer({ query, focus: zoneFocus, onViewportLoad: onPlotsLoaded })],
      };
      const slots = (Object.keys(bySlot) as DeckSlot[]).sort((a, b) => deckSlotIndex(a) - deckSlotIndex(b));
      const props = dimmed ? { opacity: DIMMED_OPACITY, pickable: false } : { opacity: 1 };
      overlay.setProps({ layers: slots.flatMap((slot) => bySlot[slot].map((layer) => layer.clone(props))) });
    },
    pick(x, y) {
      if (!pickable) return null;
      const info = overlay.pickObject({ x, y, radius: PICK_RADIUS });
      if (info === null || info === undefined) return null;
      return readPickedFeature(info.object as TileFeature | undefined, info.coordinate);
    },
    remove() {
      pickable = false;
      map.removeControl(overlay);
      overlay.finalize();
    },
  };
}
