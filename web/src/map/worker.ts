import { getWorkerUrl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Points MapLibre at its worker bundle as Vite emitted it. MapLibre would otherwise look for the
 * worker next to its own module, which no longer exists once bundled.
 */
export function ensureBundledWorker(): void {
  if (getWorkerUrl() !== workerUrl) setWorkerUrl(workerUrl);
}
