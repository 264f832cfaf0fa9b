/**
 * Edge-case fixtures: places and shapes tests send to the API, named for what they are. Each
 * one's comment says which rule it meets.
 */

export type Position = readonly [number, number];

/** Points inside governorates, away from their borders. */
export const PLACES = {
  /** Central Damascus; Damascus lies inside Rif Dimashq, whose border at latitude 33.51 is at 36.3503. */
  'SY-DI': [36.29, 33.51],
  'SY-HL': [37.16, 36.2],
  'SY-HI': [36.72, 34.73],
} as const satisfies Record<string, Position>;

export const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
export const pointIn = (governorate: keyof typeof PLACES) => point(PLACES[governorate][0], PLACES[governorate][1]);

/** In the Mediterranean off Lebanon: inside no governorate. */
export const OUTSIDE_EVERY_GOVERNORATE = point(33.0, 34.5);

/** A square well inside Damascus. */
export const POLYGON_INSIDE_DAMASCUS = {
  type: 'Polygon',
  coordinates: [[[36.28, 33.5], [36.3, 33.5], [36.3, 33.52], [36.28, 33.52], [36.28, 33.5]]],
};

/** A bow-tie: four corners whose sides cross (invalid: Self-intersection; ST_MakeValid repairs it). */
export const BOWTIE = {
  type: 'Polygon',
  coordinates: [[[36.28, 33.5], [36.3, 33.52], [36.3, 33.5], [36.28, 33.52], [36.28, 33.5]]],
};

/** Geometries no repair makes right, each with the words its refusal must use. */
export const HOPELESS_GEOMETRIES: [unknown, RegExp][] = [
  [OUTSIDE_EVERY_GOVERNORATE, /outside every governorate/],
  [{ type: 'Point', coordinates: ['x', 1] }, /must be numbers/],
  [{ type: 'Point', coordinates: [33.5, 190] }, /latitude within ±90/],
  [{ type: 'Blob' }, /geometry/],
  [{ type: 'Polygon', coordinates: [[[36.2, 33.4], [36.3, 33.4], [36.2, 33.4]]] }, /at least four positions/],
];
