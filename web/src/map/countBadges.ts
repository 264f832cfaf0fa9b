import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

/**
 * The national view's project counts: one numbered badge per governorate at its label point,
 * below COUNT_BADGES_MAXZOOM (numbered clusters take over above it, single projects from
 * PROJECTS_DETAIL_MINZOOM).
 *
 * A badge is drawn only where it reads without hiding the choropleth: its circle must lie wholly
 * inside its own governorate (so it covers no neighbour's colour) and cover at most
 * MAX_COVER_SHARE of that governorate's area on screen. Small governorates at national zoom
 * (Damascus city, the Gulf's municipalities, Bahrain's governorates) therefore have no badge until
 * the map is zoomed in enough; offsetting their badge would cover a neighbour instead, and a
 * smaller badge would not hold its number. Their count stays in the hover label and in the
 * governorate panel, and the badge appears as soon as it fits.
 */

/** Badges are drawn below this zoom; numbered clusters from it. */
export const COUNT_BADGES_MAXZOOM = 6;

/** At most this share of a governorate's area on screen may be covered by its badge. */
export const MAX_COVER_SHARE = 0.12;

/** MapLibre's tile size: a zoom-z world is 512·2^z pixels wide. */
const WORLD_PIXELS_AT_ZOOM_0 = 512;

/** The badge's outline, in pixels, around its radius. */
export const BADGE_STROKE = 1.5;

/** Font size of the number in a badge, in pixels. */
export const BADGE_TEXT_SIZE = 11;

/**
 * Radius in pixels of a badge holding `label` (the number as written, digits and separators): wide
 * enough for the number at BADGE_TEXT_SIZE, and no wider.
 */
export function badgeRadius(label: string): number {
  return 5 + 2.5 * Math.max(1, label.length);
}

/** Web Mercator position on the unit square (x east, y south), from longitude and latitude. */
export function mercator([lon = 0, lat = 0]: Position): [number, number] {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Area on the Web Mercator unit square (outer rings minus holes). */
export function mercatorArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const points = ring.map(mercator);
      let twice = 0;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        twice += xj * yi - xi * yj;
      }
      total += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return Math.max(0, total);
}

function segmentDistance([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance on the Web Mercator unit square from `point` to the nearest edge of `geometry`. */
export function mercatorInset(point: Position, geometry: Polygon | MultiPolygon): number {
  const p = mercator(point);
  let nearest = Number.POSITIVE_INFINITY;
  for (const ring of rings(geometry)) {
    const points = ring.map(mercator);
    for (let i = 1; i < points.length; i++) nearest = Math.min(nearest, segmentDistance(p, points[i - 1]!, points[i]!));
  }
  return nearest;
}

/** What a governorate's badge needs to know of its shape, measured once. */
export interface BadgeSite {
  code: string;
  /** The label point, [lon, lat]. */
  point: Position;
  /** Area on the Web Mercator unit square. */
  area: number;
  /** Distance from the label point to the governorate's edge, on the unit square. */
  inset: number;
}

/** The badge sites of governorates with a label point. */
export function badgeSites(
  governorates: FeatureCollection<Polygon | MultiPolygon, { code: string }>,
  labels: FeatureCollection<Point | { type: 'MultiPoint'; coordinates: Position[] }, { code: string }>,
): BadgeSite[] {
  const points = new Map<string, Position>();
  for (const label of labels.features) {
    const point = label.geometry.type === 'Point' ? label.geometry.coordinates : label.geometry.coordinates[0];
    if (point !== undefined) points.set(label.properties.code, point);
  }
  const sites: BadgeSite[] = [];
  for (const governorate of governorates.features) {
    const point = points.get(governorate.properties.code);
    if (point === undefined) continue;
    sites.push({ code: governorate.properties.code, point, area: mercatorArea(governorate.geometry), inset: mercatorInset(point, governorate.geometry) });
  }
  return sites;
}

/** Whether a badge of `radius` pixels fits its site at `zoom` (see the top of this file). */
export function badgeFits(site: BadgeSite, radius: number, zoom: number): boolean {
  const scale = WORLD_PIXELS_AT_ZOOM_0 * 2 ** zoom;
  const outer = radius + BADGE_STROKE;
  const coverShare = (Math.PI * outer * outer) / (site.area * scale * scale);
  return site.inset * scale >= outer && coverShare <= MAX_COVER_SHARE;
}

export interface CountBadgeProperties {
  code: string;
  count: number;
  /** The count in the reader's digits. */
  label: string;
  radius: number;
}

/**
 * The badges to draw at `zoom`: one per governorate with at least one project (`counts`, from the
 * governorate summaries, so under the filters and the viewer's visibility) whose badge fits.
 */
export function countBadges(
  sites: readonly BadgeSite[],
  counts: ReadonlyMap<string, number>,
  zoom: number,
  format: (count: number) => string,
): FeatureCollection<Point, CountBadgeProperties> {
  const features: Feature<Point, CountBadgeProperties>[] = [];
  for (const site of sites) {
    const count = counts.get(site.code) ?? 0;
    if (count <= 0) continue;
    const label = format(count);
    const radius = badgeRadius(label);
    if (!badgeFits(site, radius, zoom)) continue;
    features.push({ type: 'Feature', id: site.code, geometry: { type: 'Point', coordinates: site.point }, properties: { code: site.code, count, label, radius } });
  }
  return { type: 'FeatureCollection', features };
}
