import { guarded, request } from './http.ts';

/** The web app's settings from the server (`GET /api/config`). */
export interface ClientConfig {
  /** External MapLibre style to draw under our layers; `null`: our own air-gapped basemap. */
  basemapStyleUrl: string | null;
}

export function isClientConfig(body: unknown): body is ClientConfig {
  if (typeof body !== 'object' || body === null || !('basemapStyleUrl' in body)) return false;
  return body.basemapStyleUrl === null || typeof body.basemapStyleUrl === 'string';
}

export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return request('/api/config', { schema: guarded(isClientConfig), signal });
}
