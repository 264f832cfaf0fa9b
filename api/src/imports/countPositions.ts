/**
 * Cheap counts of what an upload holds, taken from its raw text or bytes before the expensive
 * reading (PostGIS for WKT, a document tree for KML, shpjs for a shapefile), so that an oversized
 * file is refused first. Each is one pass that allocates nothing per position; none validates:
 * the real readers say what is wrong with a malformed file.
 */

const isSpace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
const startsNumber = (ch: number) => (ch >= 0x30 && ch <= 0x39) || ch === 0x2d || ch === 0x2b || ch === 0x2e;

/** Positions in well-known text: each starts with a number right after `(` or `,`. */
export function countWktPositions(wkt: string): number {
  let positions = 0;
  let atStart = false;
  for (let i = 0; i < wkt.length; i++) {
    const ch = wkt.charCodeAt(i);
    if (ch === 0x28 || ch === 0x2c) atStart = true;
    else if (!isSpace(ch)) {
      if (atStart && startsNumber(ch)) positions++;
      atStart = false;
    }
  }
  return positions;
}

/** Placemarks and positions in KML text: tuples in `<coordinates>`, and `<gx:coord>` elements of tracks. */
export function countKml(text: string): { placemarks: number; positions: number } {
  const placemarks = text.match(/<(\w+:)?Placemark[\s>]/g)?.length ?? 0;
  let positions = text.match(/<gx:coord[\s>]/g)?.length ?? 0;
  const opening = /<(\w+:)?coordinates(\s[^<>]*)?>/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const end = text.indexOf('<', opening.lastIndex);
    let inTuple = false;
    for (let i = opening.lastIndex; i < (end < 0 ? text.length : end); i++) {
      const space = isSpace(text.charCodeAt(i));
      if (!space && !inTuple) positions++;
      inTuple = !space;
    }
  }
  return { placemarks, positions };
}

/**
 * Records and positions of a .shp, from its record headers: each record says its length, and a
 * multi-point, line or polygon record its number of points, so no coordinate is read.
 */
export function countShp(bytes: Uint8Array): { records: number; positions: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let records = 0;
  let positions = 0;
  for (let at = 100; at + 12 <= bytes.length; ) {
    const contentBytes = view.getInt32(at + 4) * 2; // big-endian, in 16-bit words
    if (contentBytes < 4) break;
    const content = at + 8;
    const type = view.getInt32(content, true);
    records++;
    if (type === 1 || type === 11 || type === 21) positions++;
    else if ((type === 8 || type === 18 || type === 28) && content + 40 <= bytes.length) positions += Math.max(0, view.getInt32(content + 36, true));
    else if ([3, 5, 13, 15, 23, 25, 31].includes(type) && content + 44 <= bytes.length) positions += Math.max(0, view.getInt32(content + 40, true));
    at = content + contentBytes;
  }
  return { records, positions };
}
