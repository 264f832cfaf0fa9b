import { describe, expect, it } from 'vitest';
import { csvField, csvTemplate, TEMPLATE_COLUMNS } from './csvTemplate.ts';

const DAMASCUS = { governorate: 'SY-DI', lon: 36.29, lat: 33.51 };

describe('the CSV template', () => {
  it('starts with a byte-order mark and a header, and ends its lines with CRLF', () => {
    const text = csvTemplate(DAMASCUS, 2026);
    expect(text.startsWith(`\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
  });

  it('quotes fields holding commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
