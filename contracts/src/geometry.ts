/**
 * How large one project's geometry may be, checked by counting arrays before anything else looks
 * at it (zod, PostGIS): a polygon of a million vertices once took PostGIS 57 s, with the server
 * frozen meanwhile. Then the schema of a geometry as clients send it (GeoJsonGeometry).
 */
import type { Geometry } from 'geojson';
import { z } from 'zod';

/**
 * Positions (vertices) one geometry may have: ample for a site, a zone or a surveyed road, while its
 * checks (validity, governorate, write rule) stay within a few seconds on the embedded engine.
 */
export const MAX_GEOMETRY_POSITIONS = 50_000;

/** Parts one geometry may have: points of a MultiPoint, lines of a MultiLineString, rings of a (Multi)Polygon. */
export const MAX_GEOMETRY_PARTS = 10_000;

/** How deep the arrays of `coordinates` nest, by geometry type, down to the arrays of positions. */
const NESTING: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

export interface GeometrySize {
  positions: number;
  parts: number;
}

/** A limit a geometry crosses, worded for the person who sent it. */
export interface GeometryOverLimit {
  over: 'positions' | 'parts' | 'nesting' | 'position';
  message: string;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * Counts a GeoJSON geometry's positions and parts from the lengths of its arrays, without reading
 * a coordinate, and stops at the first limit crossed. Cost: one step per part and per position,
 * whatever each holds. Shapes it does not know (a wrong type, a number where an array belongs) are
 * left to the schema, which says what is wrong with them; but anything the schema would have to
 * walk item by item is bounded here first: every item where a part belongs counts as a part, every
 * item where a position belongs as a position, a position longer than three numbers or nested
 * deeper than the type allows is refused. (The schema reports each bad item: a million of them
 * would take it seconds and make a response of megabytes.)
 */
export function measureGeometry(
  geometry: unknown,
  limits: { positions: number; parts: number } = { positions: MAX_GEOMETRY_POSITIONS, parts: MAX_GEOMETRY_PARTS },
): GeometrySize | GeometryOverLimit {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  const depth = typeof type === 'string' ? NESTING[type] : undefined;
  if (depth === undefined || !Array.isArray(coordinates)) return { positions: 0, parts: 0 };
  if (depth === 0) return positionProblem(coordinates, type as string) ?? { positions: 1, parts: 1 };
  // Down to the arrays of positions: lines, rings, or the one array of a MultiPoint's points.
  // Every level has at least as many items as the one above, so a count over the limit already is.
  let lists: unknown[][] = [coordinates];
  for (let level = 1; level < depth; level++) {
    const next: unknown[][] = [];
    let items = 0;
    for (const list of lists) {
      items += list.length;
      if (items > limits.parts) return tooManyParts(limits.parts);
      for (const item of list) if (Array.isArray(item)) next.push(item);
    }
    lists = next;
  }
  const size: GeometrySize = { positions: 0, parts: type === 'MultiPoint' ? coordinates.length : lists.length };
  for (const list of lists) size.positions += list.length;
  if (size.positions > limits.positions) return tooManyPositions(size.positions, limits.positions);
  if (size.parts > limits.parts) return tooManyParts(limits.parts);
  for (const list of lists) {
    for (const position of list) {
      const problem = Array.isArray(position) ? positionProblem(position, type as string) : undefined;
      if (problem) return problem;
    }
  }
  return size;
}

/** The refusal of a geometry of `positions` positions, counted some other way (WKT: countWktPositions). */
export const tooManyPositions = (positions: number, limit = MAX_GEOMETRY_POSITIONS): GeometryOverLimit => ({
  over: 'positions',
  message: `has ${thousands(positions)} positions; a geometry may have at most ${thousands(limit)}: simplify it`,
});

const tooManyParts = (limit: number): GeometryOverLimit => ({
  over: 'parts',
  message: `has more than ${thousands(limit)} parts (points, lines or rings); a geometry may have at most ${thousands(limit)}`,
});

/** What is wrong with a position beyond what the schema should walk: more than three members, or arrays in it. */
function positionProblem(position: unknown[], type: string): GeometryOverLimit | undefined {
  if (Array.isArray(position[0])) {
    return { over: 'nesting', message: `nests its coordinates deeper than a ${type} does (a position is [longitude, latitude])` };
  }
  if (position.length > 3) {
    return { over: 'position', message: `has a position of ${thousands(position.length)} members; a position is [longitude, latitude], or with an altitude` };
  }
  return undefined;
}

export const isOverLimit = (measured: GeometrySize | GeometryOverLimit): measured is GeometryOverLimit => 'over' in measured;

const position = z
  .array(z.number('coordinates must be numbers'))
  .min(2, 'a position has a longitude and a latitude')
  .max(3)
  .refine(([lon, lat]) => Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90, 'longitude must be within ±180 and latitude within ±90 (lon, lat order)');
const line = z.array(position).min(2, 'a line needs at least two positions');
const ring = z.array(position).min(4, 'a ring needs at least four positions, the last equal to the first');

const geometryShapes = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position).min(1) }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/**
 * A GeoJSON geometry (RFC 7946) of the kinds projects have; PostGIS then checks its validity.
 * Its size is counted first (measureGeometry), so an oversized one is refused before the schema
 * walks a single position.
 */
export const GeoJsonGeometry = z
  .preprocess((value, ctx) => {
    const measured = measureGeometry(value);
    if (isOverLimit(measured)) ctx.addIssue({ code: 'custom', message: measured.message, input: value, fatal: true });
    return value;
  }, geometryShapes)
  .meta({
    description:
      'GeoJSON geometry in WGS 84, [longitude, latitude] order; ' +
      `at most ${MAX_GEOMETRY_POSITIONS.toLocaleString('en-US')} positions and ${MAX_GEOMETRY_PARTS.toLocaleString('en-US')} parts`,
    example: { type: 'Point', coordinates: [36.29, 33.51] },
  });

/**
 * A GeoJSON geometry in an answer, typed as GeoJSON `G`. PostGIS writes it (ST_AsGeoJSON), so only
 * its being an object is checked: walking every coordinate of a boundary would cost the page for
 * nothing. (Clients' geometries are checked in full: GeoJsonGeometry.)
 */
export const geoJsonOf = <G extends Geometry = Geometry>() => z.record(z.string(), z.any()) as unknown as z.ZodType<G>;
