import { PlotActivityList, PlotDetail, SavedPlots, type NewPlot, type PlotActivity, type PlotChange, type PlotMerge, type PlotSplit, type ZoneFactsChange } from '@marsad/contracts';
import type { Geometry } from 'geojson';
import { request } from '../../api/http.ts';
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

/** One plot's outline (a MultiPolygon), for editing it: GET …/plots/{plotId} carries it with the plot's history. */
export async function fetchPlotGeometry(zoneId: number, plotId: number, signal?: AbortSignal): Promise<Geometry | null> {
  const plot = await request(`${plots(zoneId)}/${plotId}`, { schema: PlotDetail, signal });
  return plot.geometry as Geometry;
}
