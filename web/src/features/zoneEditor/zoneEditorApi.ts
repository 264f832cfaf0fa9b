import { PlotActivityList, SavedPlots, type NewPlot, type PlotActivity, type PlotChange, type PlotMerge, type PlotSplit, type ZoneFactsChange } from '@marsad/contracts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { request, type Schema } from '../../api/http.ts';
import { PlotImportReportSchema, type PlotImportReport } from './plotImportAnswer.ts';

/** The zone editor's calls: plots (zones-api), the zone's facts (zones-detail), plot files (plots-import), activities. */

const plots = (zoneId: number) => `/api/zones/${zoneId}/plots`;

export function fetchPlotActivities(signal?: AbortSignal): Promise<PlotActivity[]> {
  return request('/api/plot-activities', { schema: PlotActivityList, signal }).then((list) => list.items);
}

export function createPlot(zoneId: number, body: NewPlot, csrfToken: string): Promise<SavedPlots> {
  return request(plots(zoneId), { method: 'POST', body, csrfToken, schema: SavedPlots });
}

export function updatePlot(zoneId: number, plotId: number, body: PlotChange, csrfToken: string): Promise<SavedPlots> {
  return request(`${plots(zoneId)}/${plotId}`, { method: 'PATCH', body, csrfToken, schema: SavedPlots });
}

export async function deletePlot(zoneId: number, plotId: number, version: number, csrfToken: string): Promise<void> {
  await request(`${plots(zoneId)}/${plotId}?version=${version}`, { method: 'DELETE', csrfToken });
}

export function splitPlot(zoneId: number, plotId: number, body: PlotSplit, csrfToken: string): Promise<SavedPlots> {
  return request(`${plots(zoneId)}/${plotId}/split`, { method: 'POST', body, csrfToken, schema: SavedPlots });
}

export function mergePlots(zoneId: number, body: PlotMerge, csrfToken: string): Promise<SavedPlots> {
  return request(`${plots(zoneId)}/merge`, { method: 'POST', body, csrfToken, schema: SavedPlots });
}

export async function updateZoneFacts(zoneId: number, body: ZoneFactsChange, csrfToken: string): Promise<void> {
  await request(`/api/zones/${zoneId}`, { method: 'PATCH', body, csrfToken });
}

export function importPlots(zoneId: number, form: FormData, csrfToken: string, signal: AbortSignal): Promise<PlotImportReport> {
  return request(`${plots(zoneId)}/import`, { method: 'POST', body: form, csrfToken, signal, schema: PlotImportReportSchema });
}

const PlotFeatures: Schema<FeatureCollection> = {
  parse(data) {
    if (typeof data !== 'object' || data === null || !Array.isArray((data as FeatureCollection).features)) throw new TypeError('not a FeatureCollection');
    return data as FeatureCollection;
  },
};

/** The id of a plot feature: the feature's own id, or its `id` property. */
const featureId = (feature: Feature) => Number(feature.id ?? (feature.properties as { id?: unknown } | null)?.id);

/**
 * One plot's geometry, for editing it: plots carry no geometry in their JSON list, so this reads
 * the zone's GeoJSON narrowed to the plot's number and picks the plot by id.
 */
export async function fetchPlotGeometry(zoneId: number, plotId: number, plotNumber: string, signal?: AbortSignal): Promise<Geometry | null> {
  const query = new URLSearchParams({ format: 'geojson', q: plotNumber });
  const collection = await request(`${plots(zoneId)}?${query}`, { schema: PlotFeatures, signal });
  return collection.features.find((f) => featureId(f) === plotId)?.geometry ?? null;
}
