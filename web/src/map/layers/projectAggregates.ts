import type { ExpressionSpecification, SourceSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language.ts';
import { INTL_LOCALES } from '../../format/locale.ts';
import { DELAYED_COLOR } from '../colorScales.ts';
import { BADGE_STROKE, BADGE_TEXT_SIZE, COUNT_BADGES_MAXZOOM } from '../countBadges.ts';
import { MAP_FONT } from '../constants.ts';
import { PROJECTS_DETAIL_MINZOOM } from '../deck/tileFeatures.ts';
import type { StyleLayer } from './styleLayer.ts';

/**
 * Projects counted instead of drawn one by one, so the choropleth stays readable: below
 * COUNT_BADGES_MAXZOOM one badge per governorate (`countBadges.ts`), from there to
 * PROJECTS_DETAIL_MINZOOM the API's numbered clusters; deck.gl draws single projects from there.
 * MapLibre draws them, not deck.gl, because its labels shape Arabic and carry Arabic-Indic digits
 * with our own fonts (deck.gl's font atlas would need a font of its own for them).
 */
export const AGGREGATE_SOURCE_IDS = { badges: 'governorate-counts', clusters: 'project-clusters' } as const;

export const COUNT_BADGES_LAYER_ID = 'count-badges';
export const COUNT_BADGE_NUMBERS_LAYER_ID = 'count-badge-numbers';
export const PROJECT_CLUSTERS_LAYER_ID = 'project-clusters';
export const PROJECT_CLUSTER_NUMBERS_LAYER_ID = 'project-cluster-numbers';

/** Where the cluster tiles' aggregates are (the same tiles deck.gl reads single projects from, from zoom 10). */
const CLUSTER_SOURCE_LAYER = 'project_clusters';
/** The deepest zoom at which the API sends clusters; MapLibre overzooms it up to PROJECTS_DETAIL_MINZOOM. */
const CLUSTER_TILES_MAXZOOM = PROJECTS_DETAIL_MINZOOM - 1;

/** Dark enough for white digits on every class of the viridis choropleth; the white ring parts it from the darkest. */
export const COUNT_FILL = '#1d1d1b';
const COUNT_TEXT = '#ffffff';
const COUNT_RING = '#ffffff';

/** The cluster tiles' URL template under the filters (`query`), absolute as MapLibre needs it. */
export function clusterTilesUrl(origin: string, query: string): string {
  const base = `${origin}/tiles/projects/{z}/{x}/{y}.mvt`;
  return query === '' ? base : `${base}?${query}`;
}

/** The two sources: the badges (filled by the map view) and the cluster tiles. */
export function aggregateSources(origin: string): Record<string, SourceSpecification> {
  return {
    [AGGREGATE_SOURCE_IDS.badges]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [AGGREGATE_SOURCE_IDS.clusters]: { type: 'vector', tiles: [clusterTilesUrl(origin, '')], minzoom: 0, maxzoom: CLUSTER_TILES_MAXZOOM },
  };
}

/** A cluster's count in the reader's digits (MapLibre formats it with the page's own locale). */
export function clusterNumberField(language: Language): ExpressionSpecification {
  return ['number-format', ['get', 'count'], { locale: INTL_LOCALES[language], 'max-fraction-digits': 0 }];
}

/** Cluster radius in pixels: modest, growing with the square root of the count (cells are 64 px apart). */
export const CLUSTER_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 8, 10, 12, 40, 16];

function numbersLayout(textField: ExpressionSpecification) {
  return {
    'text-field': textField,
    'text-font': [MAP_FONT],
    'text-size': BADGE_TEXT_SIZE,
    // Numbers sit on their circles whatever the labels around them do, and push no label away.
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  };
}

export const countBadgesLayer: StyleLayer = {
  id: COUNT_BADGES_LAYER_ID,
  slot: 'count-badges',
  build: () => ({
    id: COUNT_BADGES_LAYER_ID,
    type: 'circle',
    source: AGGREGATE_SOURCE_IDS.badges,
    maxzoom: COUNT_BADGES_MAXZOOM,
    paint: {
      'circle-radius': ['get', 'radius'],
      'circle-color': COUNT_FILL,
      'circle-opacity': 0.9,
      'circle-stroke-color': COUNT_RING,
      'circle-stroke-width': BADGE_STROKE,
    },
  }),
};

export const countBadgeNumbersLayer: StyleLayer = {
  id: COUNT_BADGE_NUMBERS_LAYER_ID,
  slot: 'count-badge-numbers',
  build: () => ({
    id: COUNT_BADGE_NUMBERS_LAYER_ID,
    type: 'symbol',
    source: AGGREGATE_SOURCE_IDS.badges,
    maxzoom: COUNT_BADGES_MAXZOOM,
    layout: numbersLayout(['get', 'label']),
    paint: { 'text-color': COUNT_TEXT },
  }),
};

export const projectClustersLayer: StyleLayer = {
  id: PROJECT_CLUSTERS_LAYER_ID,
  slot: 'project-clusters',
  build: () => ({
    id: PROJECT_CLUSTERS_LAYER_ID,
    type: 'circle',
    source: AGGREGATE_SOURCE_IDS.clusters,
    'source-layer': CLUSTER_SOURCE_LAYER,
    minzoom: COUNT_BADGES_MAXZOOM,
    maxzoom: PROJECTS_DETAIL_MINZOOM,
    paint: {
      'circle-radius': CLUSTER_RADIUS,
      'circle-color': COUNT_FILL,
      'circle-opacity': 0.85,
      // A vermillion ring when any of its projects is delayed (as single delayed projects are outlined).
      'circle-stroke-color': ['case', ['>', ['to-number', ['get', 'delayed'], 0], 0], DELAYED_COLOR, COUNT_RING],
      'circle-stroke-width': 2,
    },
  }),
};

export const projectClusterNumbersLayer: StyleLayer = {
  id: PROJECT_CLUSTER_NUMBERS_LAYER_ID,
  slot: 'project-cluster-numbers',
  build: ({ language }) => ({
    id: PROJECT_CLUSTER_NUMBERS_LAYER_ID,
    type: 'symbol',
    source: AGGREGATE_SOURCE_IDS.clusters,
    'source-layer': CLUSTER_SOURCE_LAYER,
    minzoom: COUNT_BADGES_MAXZOOM,
    maxzoom: PROJECTS_DETAIL_MINZOOM,
    layout: numbersLayout(clusterNumberField(language)),
    paint: { 'text-color': COUNT_TEXT },
  }),
};

/** The aggregate layers, in their slots' order. */
export const AGGREGATE_LAYERS: readonly StyleLayer[] = [projectClustersLayer, projectClusterNumbersLayer, countBadgesLayer, countBadgeNumbersLayer];
