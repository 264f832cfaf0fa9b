import { describe, expect, it } from 'vitest';
import { countKml, countShp, countWktPositions } from './countPositions.ts';

describe('countWktPositions', () => {
  it.each([
    ['POINT(36.3 33.5)', 1],
    ['POINT Z (36.3 33.5 700)', 1],
    ['MULTIPOINT(1 2, -3 4)', 2],
    ['MULTIPOINT((1 2),(3 4),(5 6))', 3],
    ['POLYGON((0 0,1 0,1 1,0 0),(.2 .2, .3 .2, .3 .3, .2 .2))', 8],
    ['MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))', 8],
    ['LINESTRING EMPTY', 0],
  ])('counts %s as %i', (wkt, positions) => expect(countWktPositions(wkt)).toBe(positions));
});

describe('countKml', () => {
  it('counts placemarks, coordinate tuples and track points', () => {
    const kml = `<kml><Document>
      <Placemark><Point><coordinates> 36.3,33.5,0 </coordinates></Point></Placemark>
      <Placemark><LineString><coordinates>36.3,33.5,0
        36.4,33.5,0 36.5,33.6</coordinates></LineString></Placemark>
      <kml:Placemark><gx:Track><gx:coord>36 33 0</gx:coord><gx:coord>36 34 0</gx:coord></gx:Track></kml:Placemark>
    </Document></kml>`;
    expect(countKml(kml)).toEqual({ placemarks: 3, positions: 6 });
  });
});

describe('countShp', () => {
  /** A .shp of the given records, each `[shape type, points]`, laid out as the format says. */
  const shp = (records: [number, number][]) => {
    const contents = records.map(([type, points]) => {
      const size = type === 1 ? 20 : type === 8 ? 40 + 16 * points : 44 + 4 + 16 * points;
      const content = new DataView(new ArrayBuffer(size));
      content.setInt32(0, type, true);
      if (type === 8) content.setInt32(36, points, true);
      else if (type !== 1) {
        content.setInt32(36, 1, true); // parts
        content.setInt32(40, points, true);
      }
      return new Uint8Array(content.buffer);
    });
    const bytes = new Uint8Array(100 + contents.reduce((n, c) => n + 8 + c.length, 0));
    const view = new DataView(bytes.buffer);
    let at = 100;
    contents.forEach((content, i) => {
      view.setInt32(at, i + 1);
      view.setInt32(at + 4, content.length / 2);
      bytes.set(content, at + 8);
      at += 8 + content.length;
    });
    return bytes;
  };

  it('reads record headers: points, multipoints, lines and polygons', () => {
    expect(countShp(shp([[1, 1], [1, 1], [8, 7], [3, 120], [5, 1000]]))).toEqual({ records: 5, positions: 1129 });
  });

  it('stops at a record that makes no sense instead of reading past it', () => {
    const bytes = shp([[3, 10]]);
    new DataView(bytes.buffer).setInt32(104, 0);
    expect(countShp(bytes)).toEqual({ records: 0, positions: 0 });
  });
});
