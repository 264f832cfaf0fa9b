import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { CountryCollection, GovernorateCollection, GovernorateLabelCollection } from '../api/boundaries.ts';
import { collectionBbox } from './bbox.ts';
import { FIT_PADDING, PROGRAMMATIC_MOVE } from './constants.ts';
import { SOURCE_IDS, type InitialBoundaries, type SourceId } from './sources.ts';

export interface BoundaryData {
  countries: CountryCollection | undefined;
  governorates: GovernorateCollection | undefined;
  labels: GovernorateLabelCollection | undefined;
}

/** The boundary data by source, as the map's style takes it when it is created. */
export function boundariesBySource(data: BoundaryData): InitialBoundaries {
  return { [SOURCE_IDS.countries]: data.countries, [SOURCE_IDS.governorates]: data.governorates, [SOURCE_IDS.governorateLabels]: data.labels };
}

/** Puts `data` in the source (unless the map was created with it: `inStyle`) and says when it is drawn. */
function useSourceData(map: MaplibreMap | null, id: SourceId, data: FeatureCollection | undefined, inStyle: FeatureCollection | undefined): boolean {
  const [shown, setShown] = useState<FeatureCollection | null>(null);

  useEffect(() => {
    if (map === null || data === undefined || data === inStyle) return;
    map.getSource<GeoJSONSource>(id)?.setData(data);
    const onIdle = () => {
      if (!map.isSourceLoaded(id)) return;
      map.off('idle', onIdle);
      setShown(data);
    };
    map.on('idle', onIdle);
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, id, data, inStyle]);

  // The map is handed out once loaded (useMapInstance): the data of its style is drawn already.
  return (shown !== null && shown === data) || (map !== null && data !== undefined && data === inStyle);
}

export interface BoundarySourcesStatus {
  /** Every boundary layer is on the map and drawn. */
  ready: boolean;
  /** How many governorates the map holds, once they are drawn. */
  governorateCount: number | null;
}

/**
 * Fills the boundary sources as the API answers (those the map was created with, `inStyle`, are
 * there already), and fits the map to the countries once their outlines arrive unless the
 * address bar already said where to look.
 */
export function useBoundarySources(
  map: MaplibreMap | null,
  data: BoundaryData,
  fitToCountries: boolean,
  inStyle: BoundaryData,
): BoundarySourcesStatus {
  const countriesShown = useSourceData(map, SOURCE_IDS.countries, data.countries, inStyle.countries);
  const governoratesShown = useSourceData(map, SOURCE_IDS.governorates, data.governorates, inStyle.governorates);
  const labelsShown = useSourceData(map, SOURCE_IDS.governorateLabels, data.labels, inStyle.labels);
  const fitPending = useRef(fitToCountries);

  useEffect(() => {
    if (map === null || data.countries === undefined || !fitPending.current) return;
    fitPending.current = false;
    const bbox = collectionBbox(data.countries);
    if (bbox !== null) map.fitBounds(bbox, { padding: FIT_PADDING, animate: false }, { [PROGRAMMATIC_MOVE]: true });
  }, [map, data.countries]);

  return {
    ready: countriesShown && governoratesShown && labelsShown,
    governorateCount: governoratesShown && data.governorates ? data.governorates.features.length : null,
  };
}
