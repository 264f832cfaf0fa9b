import type { ErrorEvent, GeoJSONSource, Map as MaplibreMap, VectorTileSource } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatCount } from '../format/numbers.ts';
import type { Language } from '../i18n/language.ts';
import { badgeSites, COUNT_BADGES_MAXZOOM, countBadges } from './countBadges.ts';
import { onceSourceDrawn } from './onceSourceDrawn.ts';
import { PROJECTS_DETAIL_MINZOOM } from './deck/tileFeatures.ts';
import {
  AGGREGATE_SOURCE_IDS,
  clusterNumberField,
  clusterTilesUrl,
  PROJECT_CLUSTER_NUMBERS_LAYER_ID,
} from './layers/projectAggregates.ts';
import type { BoundaryData } from './useBoundarySources.ts';

/** Which way projects are drawn at a zoom: counted per governorate, numbered clusters, or one by one. */
export type ProjectsBand = 'governorates' | 'clusters' | 'detail';

export function projectsBand(zoom: number): ProjectsBand {
  if (zoom < COUNT_BADGES_MAXZOOM) return 'governorates';
  return zoom < PROJECTS_DETAIL_MINZOOM ? 'clusters' : 'detail';
}

export interface ProjectAggregatesStatus {
  band: ProjectsBand;
  /** The counts for the current filters are drawn (badges, or the clusters' tiles); always true in the detail band. */
  ready: boolean;
  /** A cluster tile could not be loaded (the server failed, or the connection is gone). */
  tileError: boolean;
  /** Asks for the cluster tiles again. */
  retry: () => void;
}

/** Zoom steps at which the badges are worked out again (the fit of each badge changes with the zoom). */
const ZOOM_STEP = 0.25;

/**
 * Keeps the project counts drawn by MapLibre (`layers/projectAggregates.ts`) in step with the map:
 * the governorate badges from `counts` (the governorate summaries' project counts, which the API
 * works out under the filters and the viewer's visibility — never counted here from tiles), in the
 * reader's digits, those that fit at the current zoom (`countBadges.ts`); the cluster tiles under
 * the filters (`query`), their numbers in the reader's digits.
 */
export function useProjectAggregates(
  map: MaplibreMap | null,
  data: BoundaryData,
  counts: ReadonlyMap<string, number> | null,
  query: string,
  language: Language,
): ProjectAggregatesStatus {
  const [zoom, setZoom] = useState<number | null>(null);
  // The counts whose badges are on the map.
  const [drawnCounts, setDrawnCounts] = useState<ReadonlyMap<string, number> | null>(null);
  const sites = useMemo(
    () => (data.governorates === undefined || data.labels === undefined ? null : badgeSites(data.governorates, data.labels)),
    [data.governorates, data.labels],
  );

  useEffect(() => {
    if (map === null) return;
    const onZoom = () => setZoom(Math.floor(map.getZoom() / ZOOM_STEP) * ZOOM_STEP);
    onZoom();
    map.on('zoomend', onZoom);
    return () => {
      map.off('zoomend', onZoom);
    };
  }, [map]);

  const band = projectsBand(zoom ?? 0);
  const badgeZoom = band === 'governorates' ? zoom : null;

  useEffect(() => {
    if (map === null || badgeZoom === null || sites === null || counts === null) return;
    const badges = countBadges(sites, counts, badgeZoom, (count) => formatCount(count, language));
    map.getSource<GeoJSONSource>(AGGREGATE_SOURCE_IDS.badges)?.setData(badges);
    const onIdle = () => {
      if (!map.isSourceLoaded(AGGREGATE_SOURCE_IDS.badges)) return;
      map.off('idle', onIdle);
      setDrawnCounts(counts);
    };
    map.on('idle', onIdle);
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, sites, counts, badgeZoom, language]);

  // The cluster tiles' URL under the filters; a retry asks for the same tiles under a URL of its
  // own, past any answer kept for the failed one.
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const tilesUrl = clusterTilesUrl(window.location.origin, attempt === 0 ? query : [query, `retry=${attempt}`].filter((part) => part !== '').join('&'));
  // The tiles URL under which a tile failed.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  useEffect(() => {
    if (map === null) return;
    const source = map.getSource<VectorTileSource>(AGGREGATE_SOURCE_IDS.clusters);
    // The same tiles again would have MapLibre drop and fetch them anew for nothing.
    if (source !== undefined && source.tiles?.[0] !== tilesUrl) source.setTiles([tilesUrl]);
  }, [map, tilesUrl]);

  useEffect(() => {
    if (map === null) return;
    // A cluster tile that fails is said on the map with a retry (and not in the console, as for
    // deck.gl's tiles); other errors are logged as MapLibre does when no one listens.
    const onError = (event: ErrorEvent & { sourceId?: string }) => {
      if (event.sourceId === AGGREGATE_SOURCE_IDS.clusters) setFailedUrl(map.getSource<VectorTileSource>(AGGREGATE_SOURCE_IDS.clusters)?.tiles?.[0] ?? null);
      else console.error(event.error);
    };
    map.on('error', onError);
    return () => {
      map.off('error', onError);
    };
  }, [map]);

  useEffect(() => {
    if (map === null) return;
    map.setLayoutProperty(PROJECT_CLUSTER_NUMBERS_LAYER_ID, 'text-field', clusterNumberField(language));
  }, [map, language]);

  // In the clusters band, ready once the cluster tiles for the filters are in.
  const [clustersQuery, setClustersQuery] = useState<string | null>(null);
  useEffect(() => {
    if (map === null || band !== 'clusters') return;
    return onceSourceDrawn(map, AGGREGATE_SOURCE_IDS.clusters, () => setClustersQuery(query));
  }, [map, band, query]);

  const ready =
    band === 'detail' || (band === 'clusters' && clustersQuery === query) || (band === 'governorates' && counts !== null && drawnCounts === counts);
  return { band, ready, tileError: band === 'clusters' && failedUrl === tilesUrl, retry };
}
