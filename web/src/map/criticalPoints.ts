import type { CriticalProjectsCollection } from '@marsad/contracts';
import type { CriticalPoint } from './deck/criticalObstaclesLayer.ts';

/** No ring: signed out, or nothing critical. One array, so the layers do not change for nothing. */
export const NO_CRITICAL_POINTS: readonly CriticalPoint[] = [];

/** The projects with an active critical obstacle (`GET /api/obstacles/critical-projects`) as the ring layer draws them. */
export function criticalPoints(collection: CriticalProjectsCollection | undefined): readonly CriticalPoint[] {
  if (collection === undefined || collection.features.length === 0) return NO_CRITICAL_POINTS;
  return collection.features.map((f) => ({ projectId: f.properties.project_id, position: f.geometry.coordinates, critical: f.properties.critical }));
}
