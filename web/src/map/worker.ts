import { getWorkerUrl, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Points MapLibre at its worker bundle as Vite emitted it. MapLibre would otherwise look for the
 * worker next to its own module, which no longer exists once bundled.
 */
export function ensureBundledWorker(): void {
  if (getWorkerUrl() !== workerUrl) setWorkerUrl(workerUrl);
}

/**
 * Starts MapLibre's worker as the page starts, before React has drawn anything: the map is
 * created only after the first render, and its worker (its script fetched, parsed and run) would
 * start only then, with the boundaries already waiting for it.
 */
export function startMapWorker(): void {
  ensureBundledWorker();
  prewarm();
}
