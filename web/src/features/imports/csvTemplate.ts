/**
 * A CSV template built in the browser from the columns the import reads (the API's own list;
 * tests/api/importTemplate.test.ts feeds the template to the API's reader).
 */
import { LON_LAT_COLUMNS, OPTIONAL_FIELDS, REQUIRED_FIELDS, WKT_COLUMN as WKT } from '@marsad/contracts';

export const REQUIRED_COLUMNS = REQUIRED_FIELDS;
export const OPTIONAL_COLUMNS = OPTIONAL_FIELDS;
/** A CSV places each project by `lon` and `lat` (decimal degrees, WGS 84), or by a `wkt` column instead. */
export const LOCATION_COLUMNS = LON_LAT_COLUMNS;
export const WKT_COLUMN = WKT;

export const TEMPLATE_COLUMNS = [...REQUIRED_COLUMNS, ...LOCATION_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

export const TEMPLATE_FILE_NAME = 'marsad-projects-template.csv';

/** Where the example row is placed: a point inside the user's governorate, so it passes the check. */
export interface ExamplePlace {
  governorate: string;
  lon: number;
  lat: number;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function exampleRow(place: ExamplePlace | null, year: number): Record<TemplateColumn, string> {
  return {
    code: `${place?.governorate ?? 'PRJ'}-${year}-0001`,
    kind: 'development_project',
    sector: 'water',
    title_ar: 'مثال: تأهيل شبكة مياه الشرب',
    title_en: 'Example: drinking water network rehabilitation',
    // Empty without a place: the user must say where the project is.
    lon: place === null ? '' : place.lon.toFixed(5),
    lat: place === null ? '' : place.lat.toFixed(5),
    budget: '250000',
    currency: 'USD',
    planned_start: `${year}-01-01`,
    planned_end: `${year}-12-31`,
    // Imported projects stay internal until someone decides to publish them.
    is_published: 'false',
    description_ar: '',
    description_en: '',
  };
}

/**
 * The template: a header with every column the import reads and one example row, in UTF-8 with
 * a byte-order mark so that Excel shows the Arabic, and CRLF line ends.
 */
export function csvTemplate(place: ExamplePlace | null, year: number): string {
  const row = exampleRow(place, year);
  const lines = [TEMPLATE_COLUMNS.join(','), TEMPLATE_COLUMNS.map((column) => csvField(row[column])).join(',')];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
