/** Bounding box as [west, south, east, north], in degrees. */
export type Bbox = [number, number, number, number];

/**
 * What the map shows before the country outlines arrive: the nine countries in the data, from
 * Tunisia to Yemen. Once the outlines are loaded the map fits their real extent.
 */
export const INITIAL_BOUNDS: Bbox = [7.5, 12, 56, 37.6];

/** Room kept around the region when fitting it, in pixels. */
export const FIT_PADDING = 24;

/** Marks camera moves made by the map itself, so they are not written to the address bar. */
export const PROGRAMMATIC_MOVE = 'marsadProgrammatic';

export const MIN_ZOOM = 2;
/** Deep enough to tell a zone's plots apart (they are drawn from zoom 13, PLOTS_MINZOOM). */
export const MAX_ZOOM = 18;

/** Basemap colours: everything is drawn from our own boundaries, there is no external basemap. */
export const COLORS = {
  sea: '#c9dde8',
  land: '#f3efe6',
  governorateSelected: '#111111',
  governorateLine: '#a39d8f',
  countryLine: '#5b5a57',
  labelText: '#2b2a28',
  labelHalo: '#ffffff',
} as const;

/** The font name used in `text-font`; the files behind it are declared in `fonts.ts`. */
export const MAP_FONT = 'Marsad Sans';

/** Where the self-hosted fonts live, relative to the page's base URL (see `public/fonts`). */
export const FONTS_PATH = 'fonts/';
