import { describe, expect, it } from 'vitest';
import { criticalPoints, NO_CRITICAL_POINTS } from './criticalPoints.ts';

describe('criticalPoints', () => {
  it('reads each project’s point and count of critical obstacles', () => {
    const points = criticalPoints({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [36.3, 33.5] }, properties: { project_id: 7, critical: 2, oldest_since: '2026-09-01T00:00:00Z', top_level: 'minister' } },
      ],
    });
    expect(points).toEqual([{ projectId: 7, position: [36.3, 33.5], critical: 2 }]);
  });

  it('is the one empty list when there is nothing to ring', () => {
    expect(criticalPoints(undefined)).toBe(NO_CRITICAL_POINTS);
    expect(criticalPoints({ type: 'FeatureCollection', features: [] })).toBe(NO_CRITICAL_POINTS);
  });
});
