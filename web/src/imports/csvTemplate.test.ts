import { describe, expect, it } from 'vitest';
// The API's own reader and rules, so that the template and the import cannot drift apart.
import { readUpload, REQUIRED_FIELDS } from '../../../api/src/imports/readUpload.ts';
import { ProjectFields } from '../../../api/src/projects/newProject.ts';
import { csvField, csvTemplate, REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from './csvTemplate.ts';

const DAMASCUS = { governorate: 'SY-DI', lon: 36.29, lat: 33.51 };

describe('the CSV template', () => {
  it('lists the columns the API requires', () => {
    expect([...REQUIRED_COLUMNS].sort()).toEqual([...REQUIRED_FIELDS].sort());
    expect(TEMPLATE_COLUMNS).toEqual(expect.arrayContaining(['lon', 'lat']));
    expect(new Set(TEMPLATE_COLUMNS).size).toBe(TEMPLATE_COLUMNS.length);
  });

  it('starts with a byte-order mark and a header, and ends its lines with CRLF', () => {
    const text = csvTemplate(DAMASCUS, 2026);
    expect(text.startsWith(`\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
  });

  it('is read by the API into one row whose fields pass its checks, placed in the governorate', async () => {
    const { format, rows } = await readUpload('template.csv', new TextEncoder().encode(csvTemplate(DAMASCUS, 2026)));
    expect(format).toBe('csv');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.geometry).toEqual({ geojson: { type: 'Point', coordinates: [36.29, 33.51] } });
    const fields = ProjectFields.safeParse(row!.properties);
    expect(fields.error?.issues ?? []).toEqual([]);
    expect(fields.data).toMatchObject({ code: 'SY-DI-2026-0001', kind: 'development_project', is_published: false, budget: 250000 });
    // Every column of the template is one the API knows (none is dropped as unknown).
    expect(Object.keys(row!.properties).every((key) => (TEMPLATE_COLUMNS as readonly string[]).includes(key))).toBe(true);
  });

  it('leaves the location empty when there is no governorate to place the example in', async () => {
    const { rows } = await readUpload('template.csv', new TextEncoder().encode(csvTemplate(null, 2026)));
    expect(rows[0]!.geometry).toEqual({ error: { field: 'lon/lat', message: expect.any(String) } });
    expect(rows[0]!.properties.code).toBe('PRJ-2026-0001');
  });

  it('quotes fields holding commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
