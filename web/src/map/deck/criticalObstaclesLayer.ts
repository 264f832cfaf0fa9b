import type { Color, Layer } from '@deck.gl/core';
import { hexToRgb } from '../colorScales.ts';
import { CRITICAL_RING_COLOR } from '../criticalRing.ts';
import { ringLayers } from './ringLayers.ts';

export const CRITICAL_OBSTACLES_LAYER_ID = 'critical-obstacles';

const RING: Color = [...hexToRgb(CRITICAL_RING_COLOR), 255];
const HALO: Color = [255, 255, 255, 230];

/** A project with an active critical obstacle, where the ring is drawn. */
export interface CriticalPoint {
  projectId: number;
  position: [number, number];
  /** How many active critical obstacles it has (a second ring from two). */
  critical: number;
}

/** Pixels: outside a project's point (radius 6) and its delayed outline. */
const RING_RADIUS = 12;

/**
 * Projects with an active critical obstacle stand out: a thick ring around each, over the projects
 * (a white halo under it so it reads on any fill). Not pickable: a click on the ring falls to the
 * project beneath it.
 */
export function criticalObstaclesLayer(points: readonly CriticalPoint[]): Layer[] {
  return ringLayers(
    CRITICAL_OBSTACLES_LAYER_ID,
    points,
    { radius: (p: CriticalPoint) => (p.critical > 1 ? RING_RADIUS + 1 : RING_RADIUS), width: (p: CriticalPoint) => (p.critical > 1 ? 4 : 3), color: RING },
    { width: 6, color: HALO },
  );
}
