/** Plane geometry of DXF polylines and the text of DXF labels, for readDxfPlots. */

export type Ring = [number, number][];

export interface DxfVertex {
  x: number;
  y: number;
  /** tan(¼ of the arc's angle) from this vertex to the next; negative turns clockwise; 0 or absent: a straight side. */
  bulge?: number;
}

/** An arc is drawn as straight sides of at most this angle: 5°, under 1 cm off a 40 m radius. */
const ARC_STEP = Math.PI / 36;

/**
 * A polyline's outline as a closed ring (the first position repeated last), its arcs approximated,
 * or null when it is open: not flagged closed and not ending where it starts. `mirrored`: drawn
 * with the extrusion direction (0, 0, -1), whose x axis runs the other way.
 */
export function dxfRing(vertices: readonly DxfVertex[], closedFlag: boolean, mirrored: boolean): Ring | null {
  const points: DxfVertex[] = [];
  for (const v of vertices) {
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y)) continue;
    const last = points[points.length - 1];
    if (last && last.x === v.x && last.y === v.y) {
      last.bulge = v.bulge; // a repeated vertex: the arc, if any, leaves from the second
      continue;
    }
    points.push({ x: v.x, y: v.y, bulge: v.bulge });
  }
  const first = points[0];
  const last = points[points.length - 1];
  let closed = closedFlag;
  if (first && last && points.length > 1 && first.x === last.x && first.y === last.y) {
    points.pop();
    closed = true;
  }
  if (!closed) return null;
  if (points.length < 2) return []; // closed, but no area: the geometry check says so
  const ring: Ring = [];
  points.forEach((from, i) => {
    const to = points[(i + 1) % points.length]!;
    ring.push([from.x, from.y]);
    if (from.bulge) ring.push(...arcPoints(from, to, from.bulge));
  });
  ring.push([ring[0]![0], ring[0]![1]]);
  return mirrored ? ring.map(([x, y]) => [-x, y]) : ring;
}

/** The points strictly between `from` and `to` along the arc of `bulge`. */
function arcPoints(from: DxfVertex, to: DxfVertex, bulge: number): Ring {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const chord = Math.hypot(dx, dy);
  if (chord === 0) return [];
  const sweep = 4 * Math.atan(bulge); // signed: positive turns counterclockwise
  // The centre lies off the chord's midpoint, along its left normal, by (c/2)·cot(sweep/2) = (c/2)·(1 − b²)/(2b).
  const offset = ((chord / 2) * (1 - bulge * bulge)) / (2 * bulge);
  const cx = (from.x + to.x) / 2 - (dy / chord) * offset;
  const cy = (from.y + to.y) / 2 + (dx / chord) * offset;
  const radius = Math.hypot(from.x - cx, from.y - cy);
  const start = Math.atan2(from.y - cy, from.x - cx);
  const steps = Math.max(1, Math.ceil(Math.abs(sweep) / ARC_STEP));
  const points: Ring = [];
  for (let k = 1; k < steps; k++) {
    const angle = start + (sweep * k) / steps;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

/** Whether (x, y) lies inside the closed ring (even–odd rule; a point on an edge may fall either way). */
export function insideRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const SYMBOLS: Record<string, string> = { c: 'Ø', d: '°', p: '±', '%': '%' };

/**
 * The words of a TEXT or MTEXT value without its formatting: MTEXT codes (fonts, heights, colours,
 * paragraph breaks, stacked fractions, braces), %%-codes, and \U+XXXX escapes, which older DXF
 * files use for Arabic and other non-Latin letters.
 */
export function mtextPlain(raw: string): string {
  return raw
    .replace(/\\U\+([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\M\+[0-9a-fA-F]{5}/g, '')
    .replace(/\\P/g, ' ')
    .replace(/\\S([^;]*);/g, (_, stacked: string) => stacked.replace(/[#^]/, '/'))
    .replace(/\\[ACFHQTWfpq][^;]*;/g, '')
    .replace(/\\[LlOoKkNX]/g, '')
    .replace(/\\~/g, ' ')
    .replace(/(?<!\\)[{}]/g, '')
    .replace(/\\([\\{}])/g, '$1')
    .replace(/%%([cdp%])/gi, (_, code: string) => SYMBOLS[code.toLowerCase()]!)
    .replace(/%%[uok]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}
