import type { AreaShape } from './AreaShape.ts';
import type { Random } from './random.ts';

/**
 * Small geometries (points, a few-km lines, small sites) placed inside a governorate.
 * A shape is drawn around a centre that has at least the shape's radius of room to the
 * boundary, so the whole shape is inside without testing every vertex against the polygon.
 */
export interface PlacedArea {
  shape: AreaShape;
  /** A point known to be inside (the label point), to cluster projects near the main city. */
  labelX: number;
  labelY: number;
}

export interface PlacedGeometry {
  wkt: string;
  /** Planar area in m² computed locally (polygons only), close to PostGIS geography area. */
  areaM2: number;
}

const METRES_PER_DEGREE = 111_320;
/** Rounding to 6 decimals moves a vertex by < 1e-6°; keep more than that from the boundary. */
const SAFETY_DEGREES = 0.0003;

type Offsets = Array<[number, number]>; // metres east, north of the centre

export function placePoint(random: Random, area: PlacedArea): PlacedGeometry {
  const [x, y] = findCentre(random, area, 0);
  return { wkt: `POINT(${fmt(x)} ${fmt(y)})`, areaM2: 0 };
}

/** A gently winding line (road, pipeline, canal) of about `lengthM` metres. */
export function placeLine(random: Random, area: PlacedArea, lengthM: number): PlacedGeometry {
  const segments = random.int(3, 7);
  let heading = random.between(0, 2 * Math.PI);
  const offsets: Offsets = [[0, 0]];
  for (let i = 0; i < segments; i++) {
    heading += random.between(-0.5, 0.5);
    const step = (lengthM / segments) * random.between(0.7, 1.3);
    const [px, py] = offsets[offsets.length - 1]!;
    offsets.push([px + step * Math.cos(heading), py + step * Math.sin(heading)]);
  }
  const placed = placeOffsets(random, area, centred(offsets));
  return { wkt: `LINESTRING(${placed.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join(',')})`, areaM2: 0 };
}

/**
 * A small site of about `areaM2`: a rotated rectangle (a plot) or an irregular star-shaped
 * outline. Both are simple polygons by construction, hence valid.
 */
export function placePolygon(random: Random, area: PlacedArea, areaM2: number): PlacedGeometry {
  let ring: Offsets;
  if (random.chance(0.6)) {
    const aspect = random.between(0.5, 2);
    const w = Math.sqrt(areaM2 * aspect), h = areaM2 / w;
    const turn = random.between(0, Math.PI);
    const cos = Math.cos(turn), sin = Math.sin(turn);
    ring = ([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]] as Offsets).map(([x, y]) => [
      x * cos - y * sin,
      x * sin + y * cos,
    ]);
  } else {
    const corners = random.int(5, 9);
    const radius = Math.sqrt(areaM2 / (Math.PI * 0.8));
    const start = random.between(0, 2 * Math.PI);
    ring = [];
    for (let i = 0; i < corners; i++) {
      // Increasing angles around the centre give a star-shaped, counter-clockwise ring.
      const angle = start + ((i + random.between(0.1, 0.9)) / corners) * 2 * Math.PI;
      const r = radius * random.between(0.75, 1.05);
      ring.push([r * Math.cos(angle), r * Math.sin(angle)]);
    }
  }
  const placed = placeOffsets(random, area, ring);
  const text = placed.map(([x, y]) => `${fmt(x)} ${fmt(y)}`);
  return { wkt: `POLYGON((${text.join(',')},${text[0]}))`, areaM2: shoelace(ring) };
}

function placeOffsets(random: Random, area: PlacedArea, offsets: Offsets): Array<[number, number]> {
  let scale = 1;
  for (;;) {
    const radiusM = Math.max(...offsets.map(([x, y]) => Math.hypot(x, y))) * scale;
    // Degrees of longitude shrink with latitude; use the worst case of the area's box.
    const lonFactor = 1 / Math.cos((Math.max(Math.abs(area.shape.minY), Math.abs(area.shape.maxY)) * Math.PI) / 180);
    const radiusDeg = (radiusM / METRES_PER_DEGREE) * lonFactor;
    const centre = findCentre(random, area, radiusDeg, 400);
    if (centre) {
      const [cx, cy] = centre;
      const latFactor = 1 / METRES_PER_DEGREE;
      const cosLat = Math.cos((cy * Math.PI) / 180);
      return offsets.map(([x, y]) => [cx + (x * scale * latFactor) / cosLat, cy + y * scale * latFactor]);
    }
    scale /= 2; // a tiny governorate (Damascus): shrink the shape rather than give up
  }
}

function findCentre(random: Random, area: PlacedArea, radiusDeg: number): [number, number];
function findCentre(random: Random, area: PlacedArea, radiusDeg: number, attempts: number): [number, number] | null;
function findCentre(random: Random, area: PlacedArea, radiusDeg: number, attempts = Infinity): [number, number] | null {
  const { shape } = area;
  const margin = radiusDeg + SAFETY_DEGREES;
  const spread = Math.min(0.6, Math.max(0.03, 0.2 * Math.hypot(shape.maxX - shape.minX, shape.maxY - shape.minY)));
  for (let i = 0; i < Math.min(attempts, 2000); i++) {
    // Half the projects gather around the main city, the rest anywhere in the governorate.
    const [x, y] = random.chance(0.5)
      ? [area.labelX + spread * random.normal(), area.labelY + spread * random.normal()]
      : [random.between(shape.minX, shape.maxX), random.between(shape.minY, shape.maxY)];
    if (shape.hasRoomAt(x, y, margin)) return [x, y];
  }
  if (attempts !== Infinity) return null;
  return [area.labelX, area.labelY]; // inside by construction of the label point
}

function centred(offsets: Offsets): Offsets {
  const xs = offsets.map(([x]) => x), ys = offsets.map(([, y]) => y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return offsets.map(([x, y]) => [x - cx, y - cy]);
}

function shoelace(ring: Offsets): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!, [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

const fmt = (value: number) => value.toFixed(6);
