/** A governorate outline prepared for fast point-in-polygon and distance-to-boundary tests (planar, in degrees). */
export class AreaShape {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Every ring edge as x1, y1, x2, y2: holes and outer rings alike, since both are boundary. */
  private readonly edges: Float64Array;

  /** `coordinates` of a GeoJSON MultiPolygon. */
  constructor(coordinates: number[][][][]) {
    const edges: number[] = [];
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const polygon of coordinates) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as [number, number];
          const [x2, y2] = ring[i + 1] as [number, number];
          edges.push(x1, y1, x2, y2);
          minX = Math.min(minX, x1); maxX = Math.max(maxX, x1);
          minY = Math.min(minY, y1); maxY = Math.max(maxY, y1);
        }
      }
    }
    if (edges.length === 0) throw new Error('AreaShape needs a polygon with at least one ring');
    this.edges = Float64Array.from(edges);
    this.minX = minX; this.minY = minY; this.maxX = maxX; this.maxY = maxY;
  }

  /** Even–odd ray casting over all rings, so holes (Damascus inside Rif Dimashq) are outside. */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const e = this.edges;
    let inside = false;
    for (let i = 0; i < e.length; i += 4) {
      const x1 = e[i]!, y1 = e[i + 1]!, x2 = e[i + 2]!, y2 = e[i + 3]!;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }

  /** True when (x, y) is inside and at least `margin` degrees from every boundary edge. */
  hasRoomAt(x: number, y: number, margin: number): boolean {
    return this.contains(x, y) && this.distanceToBoundary(x, y, margin) >= margin;
  }

  /** Distance in degrees to the nearest boundary edge; stops early once it is below `enough`. */
  distanceToBoundary(x: number, y: number, enough = 0): number {
    const e = this.edges;
    let best = Infinity;
    for (let i = 0; i < e.length; i += 4) {
      const x1 = e[i]!, y1 = e[i + 1]!, x2 = e[i + 2]!, y2 = e[i + 3]!;
      // Cheap reject: the edge's box is farther away than the best distance so far.
      if (Math.min(x1, x2) - x > best || x - Math.max(x1, x2) > best || Math.min(y1, y2) - y > best || y - Math.max(y1, y2) > best) continue;
      const dx = x2 - x1, dy = y2 - y1;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
      const distance = Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
      if (distance < best) {
        best = distance;
        if (best < enough) return best;
      }
    }
    return best;
  }
}
