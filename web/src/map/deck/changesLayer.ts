import type { Color, Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';

export const CHANGES_LAYER_ID = 'changed-projects';

/**
 * The ring around projects listed by "what changed": Okabe–Ito yellow on a black halo, apart from
 * every status colour, the vermillion of "delayed" and the reddish purple of critical obstacles,
 * and readable by colour-blind readers (it is the palette's lightest colour, on black). Here
 * without deck.gl, so the panel's legend can use it.
 */
export const CHANGES_RING_COLOR = '#F0E442';

/** A project the "what changed" panel lists, where its ring is drawn. */
export interface ChangePoint {
  projectId: number;
  position: [number, number];
}

/** No ring: the panel is closed. One array, so the layers do not change for nothing. */
export const NO_CHANGE_POINTS: readonly ChangePoint[] = [];

const RING: Color = [0xf0, 0xe4, 0x42, 255];
const HALO: Color = [0, 0, 0, 220];
/** Pixels: outside a project's point and its delayed outline, and outside the critical ring (12). */
const RING_RADIUS = 16;

/** The listed projects ringed over the map; not pickable, so a click on the ring falls to the project beneath. */
export function changesLayer(points: readonly ChangePoint[]): Layer[] {
  if (points.length === 0) return [];
  const common = {
    data: points,
    getPosition: (p: ChangePoint) => p.position,
    getRadius: RING_RADIUS,
    radiusUnits: 'pixels' as const,
    lineWidthUnits: 'pixels' as const,
    stroked: true,
    filled: false,
    pickable: false,
  };
  return [
    new ScatterplotLayer<ChangePoint>({ ...common, id: `${CHANGES_LAYER_ID}-halo`, getLineWidth: 6, getLineColor: HALO }),
    new ScatterplotLayer<ChangePoint>({ ...common, id: CHANGES_LAYER_ID, getLineWidth: 3, getLineColor: RING }),
  ];
}
