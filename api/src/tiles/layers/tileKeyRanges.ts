import type { TileAddress } from '../TileEncoder.ts';

/** The zoom of the keys in projects_tile_key_idx (tile_key_20, migration 0016). */
const KEY_ZOOM = 20;

/** The low 20 bits of v moved to the even bit positions. */
function spreadBits(v: number): bigint {
  let out = 0n;
  for (let bit = 0; bit < KEY_ZOOM; bit += 1) if ((v >>> bit) & 1) out |= 1n << BigInt(2 * bit);
  return out;
}

/** The range of tile_key_20 values inside tile z/x/y (z ≤ 20): its Morton code, then every key below it. */
function keyRange(z: number, x: number, y: number): [bigint, bigint] {
  const shift = BigInt(2 * (KEY_ZOOM - z));
  const lo = (spreadBits(x) | (spreadBits(y) << 1n)) << shift;
  return [lo, lo + (1n << shift) - 1n];
}

/**
 * The key ranges covering a tile and the ring of cells `cellZoomOffset` zooms deeper around it
 * (the tile encoders' buffer is 1/64 of a tile: one cell six zooms deeper), as decimal strings
 * for `unnest($n::bigint[], $m::bigint[])`.
 */
export function tileKeyRanges({ z, x, y }: TileAddress, cellZoomOffset = 6): { lo: string[]; hi: string[] } {
  const ranges = [keyRange(z, x, y)];
  const cz = z + cellZoomOffset;
  const n = 2 ** cellZoomOffset;
  const [x0, y0, size] = [x * n, y * n, 2 ** cz];
  const ring: [number, number][] = [];
  for (let cx = x0 - 1; cx <= x0 + n; cx += 1) ring.push([cx, y0 - 1], [cx, y0 + n]);
  for (let cy = y0; cy < y0 + n; cy += 1) ring.push([x0 - 1, cy], [x0 + n, cy]);
  for (const [cx, cy] of ring) if (cx >= 0 && cy >= 0 && cx < size && cy < size) ranges.push(keyRange(cz, cx, cy));
  return { lo: ranges.map(([lo]) => lo.toString()), hi: ranges.map(([, hi]) => hi.toString()) };
}
