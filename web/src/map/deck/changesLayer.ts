import type { Color, Layer } from '@deck.gl/core';
import { ringLayers, type RingPoint } from './ringLayers.ts';

export const CHANGES_LAYER_ID = 'changed-projects';

/**
 * The ring around projects listed by "what changed": Okabe–Ito yellow on a black halo, apart from
 * every status colour, the vermillion of "delayed" and the reddish purple of critical obstacles,
 * and readable by colour-blind readers (it is the palette's lightest colour, on black). Here
 * without deck.gl, so the panel's legend can use it.
 */
export const CHANGES_RING_COLOR = '#F0E442';

/** A project the "what changed" panel lists, where its ring is drawn. */
export type ChangePoint = RingPoint;

const RING: Color = [0xf0, 0xe4, 0x42, 255];
const HALO: Color = [0, 0, 0, 220];
/** Pixels: outside a project's point and its delayed outline, and outside the critical ring (12). */
const RING_RADIUS = 16;

/** The listed projects ringed over the map; not pickable, so a click on the ring falls to the project beneath. */
export function changesLayer(points: readonly ChangePoint[]): Layer[] {
  if (points.length === 0) return [];
  return ringLayers(CHANGES_LAYER_ID, points, { radius: RING_RADIUS, width: 3, color: RING }, { width: 6, color: HALO });
}
