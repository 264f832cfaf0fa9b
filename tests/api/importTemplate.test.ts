/**
 * The page's CSV template, read by the API's own reader and checked by its own field rules: the
 * template and the import cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { LON_LAT_COLUMNS, OPTIONAL_FIELDS, ProjectFields, REQUIRED_FIELDS, WKT_COLUMN } from '@marsad/contracts';
import { readUpload } from '../../api/src/imports/readUpload.ts';
import { csvTemplate, TEMPLATE_COLUMNS } from '../../web/src/features/imports/csvTemplate.ts';

const DAMASCUS = { governorate: 'SY-DI', lon: 36.29, lat: 33.51 };

describe('the import template of the web page', () => {
  it('is read by the API into one row whose fields pass its checks, placed in the governorate', async () => {
    const { format, rows } = await readUpload('template.csv', new TextEncoder().encode(csvTemplate(DAMASCUS, 2026)));
    expect(format).toBe('csv');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.geometry).toEqual({ geojson: { type: 'Point', coordinates: [36.29, 33.51] } });
    const fields = ProjectFields.safeParse(row!.properties);
    expect(fields.error?.issues ?? []).toEqual([]);
    expect(fields.data).toMatchObject({ code: 'SY-DI-2026-0001', kind: 'development_project', is_published: false, budget: 250000 });
    // Every column of the template is one the API reads: a field, or where the row lies.
    const read = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS, ...LON_LAT_COLUMNS, WKT_COLUMN]);
    expect(TEMPLATE_COLUMNS.filter((column) => !read.has(column))).toEqual([]);
    // …and what the example fills in arrives as properties (empty cells are left out).
    expect(Object.keys(row!.properties).filter((key) => !(TEMPLATE_COLUMNS as readonly string[]).includes(key))).toEqual([]);
    expect(Object.keys(row!.properties)).toEqual(expect.arrayContaining([...REQUIRED_FIELDS]));
  });

  it('leaves the location empty when there is no governorate to place the example in', async () => {
    const { rows } = await readUpload('template.csv', new TextEncoder().encode(csvTemplate(null, 2026)));
    expect(rows[0]!.geometry).toEqual({ error: { field: 'lon/lat', message: expect.any(String) } });
    expect(rows[0]!.properties.code).toBe('PRJ-2026-0001');
  });
});
