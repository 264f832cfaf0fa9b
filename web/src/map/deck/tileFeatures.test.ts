import { describe, expect, it } from 'vitest';
import { clusterRadius, readPickedFeature, tileUrlTemplate } from './tileFeatures.ts';

describe('tile features', () => {
  it('reads a picked project, cluster or zone', () => {
    const project = readPickedFeature(
      { type: 'Feature', id: 12, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { layerName: 'projects', code: 'SY-DI-1', status: 'completed', delayed: 1 } },
      [36, 33],
    );
    expect(project).toMatchObject({ type: 'project', id: 12, properties: { code: 'SY-DI-1', status: 'completed', delayed: true } });
    const cluster = readPickedFeature(
      { type: 'Feature', id: 99, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { layerName: 'project_clusters', count: 7, delayed: 2 } },
      [36.5, 33.25],
    );
    expect(cluster).toEqual({ type: 'cluster', properties: { layerName: 'project_clusters', count: 7, delayed: 2, completed: 0 }, lon: 36.5, lat: 33.25 });
    const zone = readPickedFeature(
      { type: 'Feature', id: 24, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { layerName: 'zones', plots_total: 260 } },
      undefined,
    );
    expect(zone).toMatchObject({ type: 'zone', id: 24, properties: { plots_total: 260 } });
    const plot = readPickedFeature(
      { type: 'Feature', id: 310, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { layerName: 'plots', zone_id: 24, plot_number: 'A-7', status: 'vacant', area_m2: 1200 } },
      undefined,
    );
    expect(plot).toEqual({ type: 'plot', id: 310, properties: { layerName: 'plots', zone_id: 24, plot_number: 'A-7', status: 'vacant', activity: null, area_m2: 1200 } });
  });

  it('ignores features without a usable id and nothing picked', () => {
    expect(readPickedFeature(null, undefined)).toBeNull();
    expect(readPickedFeature({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { layerName: 'projects' } }, undefined)).toBeNull();
  });

  it('sizes clusters and builds tile URLs with the filters', () => {
    expect(clusterRadius(0)).toBe(5);
    expect(clusterRadius(100)).toBe(27);
    expect(clusterRadius(10_000)).toBe(28);
    expect(tileUrlTemplate('projects', '')).toBe('/tiles/projects/{z}/{x}/{y}.mvt');
    expect(tileUrlTemplate('zones', 'status=completed')).toBe('/tiles/zones/{z}/{x}/{y}.mvt?status=completed');
  });
});
