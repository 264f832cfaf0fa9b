import 'maplibre-gl/dist/maplibre-gl.css';
import type { CriticalProjectsCollection, ZoneMetric } from '@marsad/contracts';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';
import type { Camera } from '../url/viewState.ts';
import { FeatureTooltip } from './FeatureTooltip.tsx';
import { HoverLabel } from './HoverLabel.tsx';
import type { ZoneFocus } from './deck/plotsLayer.ts';
import type { ChangePoint } from './deck/changesLayer.ts';
import { ZoomButtons } from './ZoomButtons.tsx';
import type { ChoroplethScale } from './choroplethScale.ts';
import { boundariesBySource, useBoundarySources, type BoundaryData } from './useBoundarySources.ts';
import { useCameraReport } from './useCameraReport.ts';
import { useChoropleth } from './useChoropleth.ts';
import { criticalPoints, NO_CRITICAL_POINTS } from './criticalPoints.ts';
import { useDeckOverlay } from './useDeckOverlay.ts';
import { useExternalBasemap } from './useExternalBasemap.ts';
import { useGovernorateHover } from './useGovernorateHover.ts';
import { useGovernorateSelection } from './useGovernorateSelection.ts';
import { useMapInstance } from './useMapInstance.ts';
import { useMapLanguage } from './useMapLanguage.ts';
import { useMapPointer, type MapClickHandlers } from './useMapPointer.ts';
import { collectionBbox } from './bbox.ts';
import { mapDrawn } from './firstDraw.ts';
import { useProjectAggregates } from './useProjectAggregates.ts';
import './map.css';

/** How long the map waits for the boundaries before it is created without them. */
const BOUNDARIES_WAIT_MS = 1500;
const NO_BOUNDARIES: BoundaryData = { countries: undefined, governorates: undefined, labels: undefined };

/** Whether `ms` have passed since the component was first drawn. */
function useElapsed(ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return elapsed;
}

export interface MapViewProps extends MapClickHandlers {
  language: Language;
  /** External MapLibre style to draw under our layers; `null` for our own basemap, `undefined` while unknown. */
  basemapStyleUrl: string | null | undefined;
  /** Where to look first; `null` fits the countries. Later changes are ignored. */
  initialCamera: Camera | null;
  data: BoundaryData;
  /** The choropleth under the current filters and metric; `null` while it loads. */
  choropleth: ChoroplethScale | null;
  /**
   * Projects per governorate code under the current filters, as the API counts them for this viewer
   * (the governorate summaries); drawn as numbered badges at national zoom. `null` while unknown.
   */
  projectCounts: ReadonlyMap<string, number> | null;
  /** The filters as an API query string, for the project and zone tiles. */
  filterQuery: string;
  /** What the zones are filled by (their legend is in the sidebar's zones section). */
  zoneMetric: ZoneMetric;
  selectedGovernorate: string | null;
  onCameraChange: (camera: Camera) => void;
  /** While a geometry is being drawn, clicks belong to the drawing: no selecting, no hover cards. */
  drawing?: boolean;
  /** The MapLibre map once it exists (the project editor draws on it). */
  onMap?: (map: MaplibreMap | null) => void;
  /** The open zone and its chosen plots: outlined and drawn strong. */
  zoneFocus?: ZoneFocus | null;
  /** Projects with an active critical obstacle, ringed (undefined: none, or signed out). */
  criticalProjects?: CriticalProjectsCollection | undefined;
  /** Why the boundaries could not be loaded (the map cannot be drawn), or null. */
  loadError?: Error | null;
  /** Asks for what failed again (the boundaries). */
  onRetry?: () => void;
  /** Projects listed by "what changed", ringed (undefined: its panel is closed). */
  changedProjects?: readonly ChangePoint[] | undefined;
}

/**
 * The governorate map: MapLibre draws the basemap (ours, or an external style under our layers),
 * the choropleth and the labels; deck.gl draws zones and projects. For browser tests the container
 * reports its state as data attributes: `data-map-ready="true"` once every boundary layer is drawn
 * (over the external basemap, if any), `data-projects-ready="true"` once the
 * projects for the current filters are drawn (counted per governorate, in clusters or one by one:
 * `data-projects-band`), `data-plots-ready="true"` once the plot tiles
 * are (from zoom 13), `data-governorates` (how many), `data-choropleth` (the metric drawn),
 * `data-zone-metric` (what the zones are filled by), `data-map-language` (the language of the labels)
 * `data-critical-projects` (how many projects are ringed for a critical obstacle) and
 * `data-changed-projects` (how many are ringed for "what changed").
 */
export function MapView({
  language,
  basemapStyleUrl,
  initialCamera,
  data,
  choropleth,
  projectCounts,
  filterQuery,
  zoneMetric,
  selectedGovernorate,
  onSelectGovernorate,
  onSelectProject,
  onSelectZone,
  onSelectPlot,
  onCameraChange,
  drawing = false,
  onMap,
  zoneFocus = null,
  criticalProjects,
  loadError = null,
  onRetry,
  changedProjects,
}: MapViewProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  // The map is created with the boundaries in its style, so that MapLibre's worker reads them
  // once: the page preloads them, so they come with the first renders; past BOUNDARIES_WAIT_MS
  // it is created without them and filled as they come. Without a camera in the address it
  // starts fitted to the countries: fitting later would have the worker cut every boundary again.
  const boundariesAtHand = data.countries !== undefined && data.governorates !== undefined && data.labels !== undefined;
  const waitedForBoundaries = useElapsed(BOUNDARIES_WAIT_MS);
  // The boundaries and the language the map's style is built with.
  const [styled, setStyled] = useState<{ data: BoundaryData; language: Language } | null>(null);
  if (styled === null && (boundariesAtHand || waitedForBoundaries)) setStyled({ data, language });
  const inStyle = styled?.data ?? NO_BOUNDARIES;
  const styledLanguage = styled?.language ?? language;
  // Walks every country's outline: once, not on each render (hover and camera moves render often).
  const countriesBbox = useMemo(() => (inStyle.countries === undefined ? null : collectionBbox(inStyle.countries)), [inStyle.countries]);
  const map = useMapInstance(
    containerRef,
    { language: styledLanguage, camera: initialCamera, boundaries: boundariesBySource(inStyle), bounds: countriesBbox },
    styled !== null,
  );
  const boundaries = useBoundarySources(map, data, initialCamera === null && countriesBbox === null, inStyle);
  const basemapSettled = useExternalBasemap(map, basemapStyleUrl);
  const status = { ...boundaries, ready: boundaries.ready && basemapSettled };
  const drawnLanguage = useMapLanguage(map, language, styledLanguage);
  const governorateHover = useGovernorateHover(map);
  const rings = useMemo(() => criticalPoints(criticalProjects), [criticalProjects]);
  const aggregates = useProjectAggregates(map, data, projectCounts, filterQuery, language);
  // At national zoom deck.gl draws nothing (single projects, zones and rings are in the counts), so
  // its code is loaded only once the map is drawn and zoomed past it, or when the reader asks what
  // changed (those rings are drawn at every zoom): the first view does without.
  const changesRinged = (changedProjects?.length ?? 0) > 0;
  const deckNeeded = status.ready && (aggregates.band !== 'governorates' || changesRinged);
  const deck = useDeckOverlay(map, filterQuery, zoneMetric, drawing, zoneFocus, aggregates.band === 'governorates' ? NO_CRITICAL_POINTS : rings, deckNeeded, changedProjects);
  // Fetched (not started) once the map is drawn and the page is idle: zooming in later, or going
  // offline before the service worker has kept it, must not find deck.gl missing.
  useEffect(() => {
    if (!status.ready) return;
    const fetchDeck = () => void import('./deck/createDeckOverlay.ts').catch(() => undefined);
    if (typeof window.requestIdleCallback !== 'function') return fetchDeck();
    const idle = window.requestIdleCallback(fetchDeck, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, [status.ready]);
  // Below the detail zoom projects are counted, not drawn one by one (`useProjectAggregates`).
  const projectsReady = aggregates.ready && (aggregates.band !== 'detail' || deck.projectsReady);
  const featureHover = useMapPointer(map, deck.overlay, { onSelectGovernorate, onSelectProject, onSelectZone, onSelectPlot }, !drawing);
  useEffect(() => {
    onMap?.(map);
  }, [map, onMap]);
  useEffect(() => {
    if (status.ready) mapDrawn();
  }, [status.ready]);
  useGovernorateSelection(map, selectedGovernorate, status.ready);
  useChoropleth(map, choropleth, status.ready);
  useCameraReport(map, onCameraChange);

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-canvas"
        role="region"
        aria-label={t('map.label')}
        aria-busy={!status.ready}
        data-testid="map"
        data-map-ready={status.ready ? 'true' : 'false'}
        data-projects-ready={projectsReady ? 'true' : 'false'}
        data-projects-band={aggregates.band}
        data-plots-ready={deck.plotsReady ? 'true' : 'false'}
        data-governorates={status.governorateCount ?? undefined}
        data-choropleth={status.ready && choropleth !== null ? choropleth.metric : undefined}
        data-map-language={drawnLanguage ?? undefined}
        data-zone-metric={status.ready ? zoneMetric : undefined}
        data-drawing={drawing ? 'true' : undefined}
        data-critical-projects={status.ready ? rings.length : undefined}
        data-changed-projects={deck.overlay !== null || !changesRinged ? (changedProjects?.length ?? 0) : undefined}
      />
      {featureHover !== null ? (
        <FeatureTooltip hovered={featureHover} language={language} />
      ) : (
        governorateHover !== null && <HoverLabel hovered={governorateHover} governorates={data.governorates} projects={projectCounts?.get(governorateHover.code) ?? null} language={language} />
      )}
      {map !== null && <ZoomButtons map={map} />}
      {loadError !== null ? (
        <div className="map-notice" role="alert" data-testid="map-error">
          <p>{t('map.loadError')}</p>
          {onRetry !== undefined && (
            <button type="button" onClick={onRetry} data-testid="map-retry">
              {t('map.retry')}
            </button>
          )}
        </div>
      ) : (
        !status.ready && (
          // A placeholder in the map's colours while the boundaries come and are drawn: the page
          // looks like a map from the first frame, not like an empty box.
          <div className="map-skeleton" data-testid="map-skeleton" aria-hidden="true">
            <p className="map-loading">{t('map.loading')}</p>
          </div>
        )
      )}
      {aggregates.tileError && (
        <div className="map-notice map-notice-small" role="status" data-testid="map-counts-error">
          <p>{t('map.countsError')}</p>
          <button type="button" onClick={aggregates.retry} data-testid="map-counts-retry">
            {t('map.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
