import type { BriefMap, ProjectStatus } from '@marsad/contracts';
import { geoMercator, geoPath, geoTransform, type GeoProjection } from 'd3-geo';
import type { Geometry, GeometryObject } from 'geojson';
import { classBreaks, classColors, colorForValue, statusColor } from '../map/colorScales.ts';

/**
 * The brief's map as plain shapes in SVG user units, ready to draw: no WebGL, no tiles, vector
 * at any print size. Projected with Mercator fitted to the brief's bbox; every vertex is projected
 * on its own (a planar path), so rings are drawn whichever way PostGIS wound them (d3's spherical
 * paths would read a counter-clockwise ring as "the whole world but this").
 */

export type Bbox = [number, number, number, number];

export interface MapBox {
  width: number;
  height: number;
  /** Room kept free around the fitted bbox. */
  padding: number;
}

/** The map box: A4's text width at a 4:3 landscape ratio, in SVG units. */
export const MAP_BOX: MapBox = { width: 1000, height: 740, padding: 28 };

/** Shading of a country brief's governorates (share delayed): light, so status points read on top. */
export const SHADING_PALETTE = ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba'] as const;

export const MAP_COLORS = {
  area: '#f6f3ec',
  areaLine: '#2b2a28',
  context: '#e7e5e0',
  contextLine: '#b3b0a8',
  zone: '#7a5c2e',
  delayedRing: '#D55E00',
  criticalRing: '#111111',
  frame: '#8d897f',
} as const;

/** Smallest extent fitted, in degrees: one project, or a bbox of one point, still shows its surroundings. */
const MIN_SPAN = 0.05;

export interface AreaShape {
  code: string;
  name_ar: string;
  name_en: string;
  d: string;
  fill: string;
  /** Where its name is written (its planar centroid), or null when it has no area. */
  label: [number, number] | null;
}
export interface ZoneShape {
  id: number;
  /** Outline path, or null for a zone given as a point (drawn as `at`). */
  d: string | null;
  at: [number, number] | null;
}
export interface ProjectMark {
  id: number;
  x: number;
  y: number;
  status: ProjectStatus;
  color: string;
  delayed: boolean;
  critical: boolean;
}
export interface ScaleBar {
  /** Length on the map, in SVG units, and what it measures, in km. */
  length: number;
  km: number;
}
export interface Shading {
  breaks: number[];
  colors: string[];
}

export interface MapModel {
  box: MapBox;
  context: { code: string; d: string }[];
  areas: AreaShape[];
  zones: ZoneShape[];
  projects: ProjectMark[];
  /** The fitted bbox's outline: drawn as the frame when there is nothing else to draw. */
  frame: string;
  scaleBar: ScaleBar | null;
  /** Country briefs: the classes of the governorates' shading (null: no values). */
  shading: Shading | null;
}

/** A finite, non-empty [west, south, east, north], widened to MIN_SPAN; null when unusable. */
export function usableBbox(bbox: readonly number[] | null | undefined): Bbox | null {
  if (bbox == null || bbox.length !== 4 || !bbox.every(Number.isFinite)) return null;
  let [w, s, e, n] = bbox as Bbox;
  if (e < w || n < s) return null;
  if (e - w < MIN_SPAN) [w, e] = [(w + e) / 2 - MIN_SPAN / 2, (w + e) / 2 + MIN_SPAN / 2];
  if (n - s < MIN_SPAN) [s, n] = [(s + n) / 2 - MIN_SPAN / 2, (s + n) / 2 + MIN_SPAN / 2];
  return [w, s, e, n];
}

/** The bbox of every coordinate of the given geometries and points, or null when there are none. */
export function boundsOf(geometries: readonly unknown[], points: readonly [number, number][] = []): Bbox | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [x, y] = value as [number, number];
      if (Number.isFinite(x) && Number.isFinite(y)) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
      return;
    }
    for (const item of value) visit(item);
  };
  for (const g of geometries) {
    const geometry = asGeometry(g);
    if (geometry !== null && 'coordinates' in geometry) visit(geometry.coordinates);
  }
  for (const p of points) visit(p);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Mercator fitted to `bbox` inside the box (less its padding). */
export function fitProjection(bbox: Bbox, box: MapBox = MAP_BOX): GeoProjection {
  const [w, s, e, n] = bbox;
  // The four corners, not a polygon: Mercator keeps meridians and parallels straight, so the
  // corners bound the box, and points have no winding to misread.
  const corners: GeometryObject = { type: 'MultiPoint', coordinates: [[w, s], [e, s], [e, n], [w, n]] };
  return geoMercator().fitExtent([[box.padding, box.padding], [box.width - box.padding, box.height - box.padding]], corners);
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** A GeoJSON geometry (or a Feature's), or null for anything else. */
function asGeometry(value: unknown): Geometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { type?: unknown; geometry?: unknown };
  if (v.type === 'Feature') return asGeometry(v.geometry);
  return typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type) ? (value as Geometry) : null;
}

/** The number of SVG units per km at the bbox's middle latitude, from the projection itself. */
function unitsPerKm(projection: GeoProjection, bbox: Bbox): number {
  const lat = (bbox[1] + bbox[3]) / 2;
  const lon = (bbox[0] + bbox[2]) / 2;
  const a = projection([lon, lat]);
  const b = projection([lon + 0.1, lat]);
  if (a === null || b === null) return 0;
  const km = 0.1 * 111.32 * Math.cos((lat * Math.PI) / 180);
  return Math.abs(b[0] - a[0]) / km;
}

/** A round length (1, 2 or 5 × 10ⁿ km) no longer than a fifth of the map's width. */
export function scaleBarFor(perKm: number, width: number): ScaleBar | null {
  if (!(perKm > 0)) return null;
  const maxKm = (width / 5) / perKm;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((f) => f * power).find((candidate) => candidate <= maxKm) ?? power;
  return { km, length: km * perKm };
}

/** The shapes of the brief's map, fitted to its bbox (or to what it holds when the bbox is unusable). */
export function buildMapModel(map: BriefMap, box: MapBox = MAP_BOX): MapModel {
  const bbox =
    usableBbox(map.bbox) ??
    usableBbox(boundsOf(map.areas.map((a) => a.geometry), map.projects.map((p) => [p.lon, p.lat]))) ??
    ([35.5, 32.5, 37.5, 34.5] as Bbox); // nothing to fit: an empty frame, never an error
  const projection = fitProjection(bbox, box);
  const planar = geoTransform({
    point(x, y) {
      const p = projection([x, y]);
      if (p !== null) this.stream.point(p[0], p[1]);
    },
  });
  const path = geoPath(planar).digits(1);
  const draw = (geometry: unknown): string => {
    const g = asGeometry(geometry);
    return g === null ? '' : (path(g) ?? '');
  };

  const values = map.areas.map((a) => a.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const shading: Shading | null = values.length === 0 ? null : (() => {
    const breaks = classBreaks(values, SHADING_PALETTE.length);
    return { breaks, colors: classColors(breaks, SHADING_PALETTE) };
  })();

  const areas = map.areas.map((area): AreaShape => {
    const g = asGeometry(area.geometry);
    const centroid = g === null ? null : path.centroid(g);
    return {
      code: area.code,
      name_ar: area.name_ar,
      name_en: area.name_en,
      d: draw(area.geometry),
      fill: shading === null ? MAP_COLORS.area : colorForValue(area.value, shading.breaks, shading.colors),
      label: centroid !== null && centroid.every(Number.isFinite) ? centroid : null,
    };
  });

  const zones = map.zones.map((zone): ZoneShape => {
    const g = asGeometry(zone.geometry);
    if (g?.type === 'Point') {
      const at = projection(g.coordinates as [number, number]);
      return { id: zone.id, d: null, at: at === null ? null : [at[0], at[1]] };
    }
    return { id: zone.id, d: draw(g), at: null };
  });

  const projects = map.projects.flatMap((p): ProjectMark[] => {
    const at = projection([p.lon, p.lat]);
    if (at === null || !at.every(Number.isFinite)) return [];
    return [{ id: p.id, x: at[0], y: at[1], status: p.status, color: statusColor(p.status), delayed: p.delayed, critical: p.critical_obstacle }];
  });
  // Marked projects last, so their rings are not hidden under their neighbours.
  projects.sort((a, b) => Number(a.delayed || a.critical) - Number(b.delayed || b.critical));

  const [w, s, e, n] = bbox;
  const frameCorners = ([[w, s], [e, s], [e, n], [w, n]] as [number, number][]).map((c): [number, number] => projection(c) ?? [0, 0]);
  const frame = `M${frameCorners.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`;

  return {
    box,
    context: map.context.map((c) => ({ code: c.code, d: draw(c.geometry) })).filter((c) => c.d !== ''),
    areas,
    zones,
    projects,
    frame,
    scaleBar: scaleBarFor(unitsPerKm(projection, bbox), box.width),
    shading,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
