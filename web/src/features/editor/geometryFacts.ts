import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import length from '@turf/length';
import pointOnFeature from '@turf/point-on-feature';
import type { Geometry } from 'geojson';
import type { GovernorateCollection, GovernorateProperties } from '../../api/boundaries.ts';

/** What the editor tells the user about a drawn geometry before it is sent. */
export interface GeometryFacts {
  type: Geometry['type'];
  vertices: number;
  /** Square metres, for polygons. */
  areaM2: number | null;
  /** Metres, for lines. */
  lengthM: number | null;
  /** Where the outline crosses itself: the server will refuse it unless asked to repair it. */
  selfIntersections: number;
  /**
   * The governorate the server will most likely assign (the one under a point on the geometry,
   * as its spatial join prefers), or `null` when it lies outside every governorate we know.
   */
  governorate: GovernorateProperties | null;
}

function countVertices(geometry: Geometry): number {
  switch (geometry.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.length;
    case 'MultiLineString':
      return geometry.coordinates.reduce((n, line) => n + line.length, 0);
    // A ring repeats its first position at the end: people count corners.
    case 'Polygon':
      return geometry.coordinates.reduce((n, ring) => n + ring.length - 1, 0);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length - 1, 0), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((n, g) => n + countVertices(g), 0);
  }
}

function selfIntersections(geometry: Geometry): number {
  // A line may cross itself (a road around a roundabout); only a polygon that does is invalid.
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return 0;
  return kinks(geometry).features.length;
}

/** Quick facts about a geometry, computed in the browser with turf. The server decides; these only warn early. */
export function geometryFacts(geometry: Geometry, governorates: GovernorateCollection | undefined): GeometryFacts {
  const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const linear = geometry.type === 'LineString' || geometry.type === 'MultiLineString';
  const anchor = pointOnFeature(geometry);
  const governorate = governorates?.features.find((feature) => booleanPointInPolygon(anchor, feature)) ?? null;
  return {
    type: geometry.type,
    vertices: countVertices(geometry),
    areaM2: polygonal ? area(geometry) : null,
    lengthM: linear ? length({ type: 'Feature', geometry, properties: {} }, { units: 'meters' }) : null,
    selfIntersections: selfIntersections(geometry),
    governorate: governorate?.properties ?? null,
  };
}
