import type { Random } from './random.ts';
import type { ZoneKind } from './zoneNames.ts';

/**
 * The plot plan of a zone as a surveyor draws it: a main spine road along the zone's long axis,
 * service roads parallel to it and cross streets every block, and in each block two rows of
 * rectangular plots back to back, each facing a road. Blocks are laid out from the entrance (one
 * end of the spine) outwards until the zone's developed phase is covered; land beyond it is left
 * for later phases. A plot is kept only if it lies inside the zone with a setback from its fence,
 * so plots never cross the boundary; plots of a row share their edges exactly (the same numbers
 * become the same coordinates), so they never overlap.
 */
export interface LaidOutPlot {
  /** "B-12": block letter(s), number within the block. */
  number: string;
  /** Block rank from the entrance (0 = first laid out), for phasing statuses. */
  block: number;
  /** MULTIPOLYGON WKT in EPSG:4326, six decimals. */
  wkt: string;
  /** Planar area in m² (close to PostGIS' geography area). */
  areaM2: number;
}

interface Profile {
  spine: [number, number];
  road: [number, number];
  cross: [number, number];
  blockLength: [number, number];
  depth: [number, number];
  /** Median plot area (m²), log-normal spread, clamp. */
  plotMedian: number;
  plotSigma: number;
  plotArea: [number, number];
  /** Chance a block is one large plot (both rows), or a row is split into two large plots. */
  wholeBlock: number;
  halfRow: number;
  /** Land laid out in this phase (m²): log-normal median and spread. */
  phaseMedian: number;
  phaseSigma: number;
  setback: number;
}

const PROFILES: Readonly<Record<ZoneKind, Profile>> = {
  industrial_zone: {
    spine: [26, 36], road: [14, 20], cross: [14, 18], blockLength: [200, 340], depth: [60, 100],
    plotMedian: 5_000, plotSigma: 0.55, plotArea: [2_000, 15_000], wholeBlock: 0.06, halfRow: 0.12,
    phaseMedian: 1_000_000, phaseSigma: 0.35, setback: 8,
  },
  craft_zone: {
    spine: [14, 18], road: [9, 12], cross: [7, 9], blockLength: [70, 120], depth: [18, 28],
    plotMedian: 300, plotSigma: 0.35, plotArea: [150, 600], wholeBlock: 0, halfRow: 0,
    phaseMedian: 40_000, phaseSigma: 0.35, setback: 4,
  },
};

const METRES_PER_DEGREE = 111_320;
/** Metres between the two rows of a block. */
const BACK_WALL = 0.5;

type Point = [number, number];

/** The plots of one zone, given its outline as stored (POLYGON WKT, lon/lat). */
export function layOutPlots(random: Random, kind: ZoneKind, zoneWkt: string): LaidOutPlot[] {
  const lonLat = parsePolygon(zoneWkt);
  const lon0 = lonLat.reduce((s, [x]) => s + x, 0) / lonLat.length;
  const lat0 = lonLat.reduce((s, [, y]) => s + y, 0) / lonLat.length;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  // A local metric frame: an affine map of lon/lat, so "inside" means the same in both.
  const local = lonLat.map(([x, y]): Point => [(x - lon0) * cos * METRES_PER_DEGREE, (y - lat0) * METRES_PER_DEGREE]);
  const toLonLat = ([x, y]: Point): string => `${(lon0 + x / (cos * METRES_PER_DEGREE)).toFixed(6)} ${(lat0 + y / METRES_PER_DEGREE).toFixed(6)}`;

  const profile = PROFILES[kind];
  const phaseM2 = random.logNormal(profile.phaseMedian, profile.phaseSigma);
  // The spine follows the longest edge; when a zone's odd shape leaves too little, turn it.
  let best: LaidOutPlot[] = [];
  for (let attempt = 0; attempt < 4 && best.length < 6; attempt++) {
    const angle = attempt === 0 ? longestEdgeAngle(local) : longestEdgeAngle(local) + (attempt * Math.PI) / 4;
    const plots = layOutFrame(random, profile, local, angle, phaseM2, toLonLat);
    if (plots.length > best.length) best = plots;
  }
  return best;
}

function layOutFrame(random: Random, profile: Profile, local: Point[], angle: number, phaseM2: number, toLonLat: (p: Point) => string): LaidOutPlot[] {
  const c = Math.cos(angle), s = Math.sin(angle);
  // u along the spine, v across it.
  const ring = local.map(([x, y]): Point => [x * c + y * s, -x * s + y * c]);
  const fromFrame = (u: number, v: number): Point => [u * c - v * s, u * s + v * c];
  const us = ring.map(([u]) => u), vs = ring.map(([, v]) => v);
  const [umin, umax, vmin, vmax] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];

  const spine = random.between(...profile.spine);
  const road = random.between(...profile.road);
  const cross = random.between(...profile.cross);
  const blockLength = random.between(...profile.blockLength);
  const depth = random.between(...profile.depth);
  const vc = (vmin + vmax) / 2 + random.between(-0.1, 0.1) * (vmax - vmin);
  const uStart = umin + random.between(0, blockLength / 2);

  // Blocks: strips of two rows on each side of the spine, cut by cross streets.
  interface Block { u0: number; u1: number; v0: number; v1: number; distance: number }
  const blocks: Block[] = [];
  for (const side of [1, -1] as const) {
    for (let k = 0; ; k++) {
      const near = spine / 2 + k * (2 * depth + road);
      if (near > Math.max(vmax - vc, vc - vmin)) break;
      const [v0, v1] = side === 1 ? [vc + near, vc + near + 2 * depth] : [vc - near - 2 * depth, vc - near];
      for (let u0 = uStart; u0 < umax; u0 += blockLength + cross) {
        const u1 = u0 + blockLength;
        blocks.push({ u0, u1, v0, v1, distance: Math.hypot((u0 + u1) / 2 - umin, (v0 + v1) / 2 - vc) });
      }
    }
  }
  blocks.sort((a, b) => a.distance - b.distance);

  const plots: LaidOutPlot[] = [];
  let laidOut = 0;
  let letters = 0;
  for (const block of blocks) {
    if (laidOut >= phaseM2) break;
    const rects = splitBlock(random, profile, block.u0, block.u1, block.v0, block.v1, depth);
    const fitting = rects.filter((r) => fits(r, ring, profile.setback));
    if (fitting.length === 0) continue;
    const letter = blockLetter(letters++);
    fitting.forEach(([u0, v0, u1, v1], i) => {
      const corners = [fromFrame(u0, v0), fromFrame(u1, v0), fromFrame(u1, v1), fromFrame(u0, v1)];
      // Counter-clockwise in the frame (a rotation keeps it so), closed.
      const text = corners.map(toLonLat);
      const areaM2 = (u1 - u0) * (v1 - v0);
      laidOut += areaM2;
      plots.push({ number: `${letter}-${i + 1}`, block: letters - 1, wkt: `MULTIPOLYGON(((${text.join(',')},${text[0]})))`, areaM2 });
    });
  }
  return plots;
}

type Rect = [number, number, number, number]; // u0, v0, u1, v1

/** The plots of one block: two rows of plots of varied frontage, or a few large plots. */
function splitBlock(random: Random, profile: Profile, u0: number, u1: number, v0: number, v1: number, depth: number): Rect[] {
  if (random.chance(profile.wholeBlock)) return [[u0, v0, u1, v1]];
  // Back-to-back rows are parted by a boundary wall: their plots' corners do not line up, and
  // rounding them to six decimals would tilt one row's edge into the other by a sliver.
  const rows: Array<[number, number]> = [[v0, v0 + depth - BACK_WALL / 2], [v0 + depth + BACK_WALL / 2, v1]];
  const out: Rect[] = [];
  for (const [r0, r1] of rows) {
    if (random.chance(profile.halfRow)) {
      const mid = u0 + (u1 - u0) * random.between(0.4, 0.6);
      out.push([u0, r0, mid, r1], [mid, r0, u1, r1]);
      continue;
    }
    const minWidth = profile.plotArea[0] / depth;
    const edges = [u0];
    let at = u0;
    for (;;) {
      const area = Math.min(profile.plotArea[1], Math.max(profile.plotArea[0], random.logNormal(profile.plotMedian, profile.plotSigma)));
      // Frontages are surveyed to the half metre.
      const width = Math.max(minWidth, Math.round((area / depth) * 2) / 2);
      if (u1 - (at + width) < minWidth) break;
      at += width;
      edges.push(at);
    }
    // The row's last plot takes what is left; split in two when that is more than one plot.
    if (u1 - at > profile.plotArea[1] / depth) edges.push(Math.round(((at + u1) / 2) * 2) / 2);
    edges.push(u1);
    for (let i = 0; i + 1 < edges.length; i++) out.push([edges[i]!, r0, edges[i + 1]!, r1]);
  }
  return out;
}

/** Inside the ring and at least `setback` metres from its every edge. */
function fits([u0, v0, u1, v1]: Rect, ring: Point[], setback: number): boolean {
  if (!contains(ring, u0, v0)) return false;
  const sides: Array<[Point, Point]> = [
    [[u0, v0], [u1, v0]],
    [[u1, v0], [u1, v1]],
    [[u1, v1], [u0, v1]],
    [[u0, v1], [u0, v0]],
  ];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!, b = ring[(i + 1) % ring.length]!;
    for (const [p, q] of sides) if (segmentDistance(p, q, a, b) < setback) return false;
  }
  return true;
}

function contains(ring: Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[i]!, [x2, y2] = ring[j]!;
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function segmentDistance(p: Point, q: Point, a: Point, b: Point): number {
  if (intersects(p, q, a, b)) return 0;
  return Math.min(pointSegment(p, a, b), pointSegment(q, a, b), pointSegment(a, p, q), pointSegment(b, p, q));
}

function intersects(p: Point, q: Point, a: Point, b: Point): boolean {
  const d1 = cross(a, b, p), d2 = cross(a, b, q), d3 = cross(p, q, a), d4 = cross(p, q, b);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function pointSegment([x, y]: Point, [x1, y1]: Point, [x2, y2]: Point): number {
  const dx = x2 - x1, dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function longestEdgeAngle(ring: Point[]): number {
  let best = 0, angle = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!, [x2, y2] = ring[(i + 1) % ring.length]!;
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (length > best) [best, angle] = [length, Math.atan2(y2 - y1, x2 - x1)];
  }
  return angle;
}

/** A, B, ..., Z, AA, AB, ...: Latin capitals, so "B-12" reads the same way inside Arabic text. */
export function blockLetter(index: number): string {
  let text = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** The outer ring of a POLYGON WKT, without the closing point. */
function parsePolygon(wkt: string): Point[] {
  const match = /^POLYGON\(\((.*)\)\)$/.exec(wkt);
  if (!match) throw new Error(`layOutPlots expects a POLYGON, got ${wkt.slice(0, 40)}`);
  const points = match[1]!.split(',').map((pair): Point => {
    const [x, y] = pair.trim().split(/\s+/).map(Number);
    return [x!, y!];
  });
  return points.slice(0, -1);
}
