import type { Accessor, Color, Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';

/** A point of the map that gets a ring: a project, where its label point is. */
export interface RingPoint {
  projectId: number;
  position: [number, number];
}

/**
 * Rings around points, over the projects: a halo ring under the coloured one so it reads on any
 * fill. Not pickable: a click on a ring falls to the project beneath it. Shared by the critical
 * obstacles' rings and the "what changed" rings.
 */
export function ringLayers<P extends RingPoint>(
  id: string,
  points: readonly P[],
  ring: { radius: Accessor<P, number>; width: Accessor<P, number>; color: Color },
  halo: { width: number; color: Color },
): Layer[] {
  const common = {
    data: points,
    getPosition: (p: P) => p.position,
    radiusUnits: 'pixels' as const,
    lineWidthUnits: 'pixels' as const,
    stroked: true,
    filled: false,
    pickable: false,
  };
  return [
    new ScatterplotLayer<P>({ ...common, id: `${id}-halo`, getRadius: ring.radius, getLineWidth: halo.width, getLineColor: halo.color }),
    new ScatterplotLayer<P>({ ...common, id, getRadius: ring.radius, getLineWidth: ring.width, getLineColor: ring.color }),
  ];
}
