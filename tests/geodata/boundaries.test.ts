import { loadBoundaries } from '@marsad/geodata';
import { describe, expect, it } from 'vitest';
import { useDatabase } from '../support/testDatabases.ts';

const EXPECTED_UNITS: Record<string, number> = {
  SYR: 14,
  SAU: 13,
  LBY: 22,
  EGY: 27,
  JOR: 12,
  IRQ: 18,
  LBN: 6,
  YEM: 21,
  TUN: 23,
};

const ARABIC = /[\u0600-\u06FF]/;

describe('boundaries', () => {
  const t = useDatabase('boundaries');

  it('has nine countries and 156 first-level units, with the known count per country', async () => {
    const rows = await t.db.query<{ country_iso3: string; n: number }>(
      'select country_iso3, count(*) as n from admin_areas where level = 1 group by 1',
    );
    expect(Object.fromEntries(rows.map((r) => [r.country_iso3, r.n]))).toEqual(EXPECTED_UNITS);
    const [countries] = await t.db.query<{ n: number }>('select count(*) as n from countries');
    expect(countries?.n).toBe(9);
  });

  it('gives every unit an Arabic and an English name, a short Arabic label and a unique code', async () => {
    const rows = await t.db.query<{ code: string; name_en: string; name_ar: string; name_ar_short: string }>(
      'select code, name_en, name_ar, name_ar_short from admin_areas',
    );
    for (const row of rows) {
      expect(row.name_en.trim(), row.code).not.toBe('');
      expect(row.name_ar, row.code).toMatch(ARABIC);
      expect(row.name_ar_short, row.code).toMatch(ARABIC);
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(156);
    expect(new Set(rows.map((r) => r.name_ar)).size).toBe(156); // no two units share a name (YE-SA fixed)
  });

  it('has valid geometry everywhere, and a label point inside each unit', async () => {
    const [row] = await t.db.query<{ invalid: number; empty: number; labels_outside: number }>(`
      select count(*) filter (where not ST_IsValid(geom)) as invalid,
             count(*) filter (where ST_IsEmpty(geom)) as empty,
             count(*) filter (where label_point is null or not ST_Covers(geom, label_point)) as labels_outside
        from admin_areas`);
    expect(row).toEqual({ invalid: 0, empty: 0, labels_outside: 0 });
    const [c] = await t.db.query<{ invalid: number }>('select count(*) filter (where not ST_IsValid(geom)) as invalid from countries');
    expect(c?.invalid).toBe(0);
  });

  it('uses the current Libyan districts instead of the five legacy labels', async () => {
    const rows = await t.db.query<{ code: string; name_en: string; name_ar_short: string; source_note: string }>(
      `select code, name_en, name_ar_short, source_note from admin_areas where code in ('LY-TB','LY-NL','LY-WA','LY-DR','LY-JG','LY-TN','LY-GD','LY-AJ','LY-QB','LY-MZ') order by code`,
    );
    expect(rows.map((r) => [r.code, r.name_ar_short])).toEqual([
      ['LY-DR', 'درنة'],
      ['LY-JG', 'الجبل الغربي'],
      ['LY-NL', 'نالوت'],
      ['LY-TB', 'طرابلس'],
      ['LY-WA', 'الواحات'],
    ]);
    for (const row of rows) expect(row.source_note).toMatch(/legacy name/);
    // Tripoli's old town lies in the district now called Tripoli.
    const [tripoli] = await t.db.query<{ code: string }>(
      `select code from admin_areas where ST_Covers(geom, ST_SetSRID(ST_Point(13.18, 32.89), 4326))`,
    );
    expect(tripoli?.code).toBe('LY-TB');
  });

  it('finds the governorate of well-known cities', async () => {
    const cities: [string, number, number][] = [
      ['SY-DI', 36.29, 33.51], // Damascus
      ['SY-HL', 37.16, 36.2], // Aleppo
      ['SA-01', 46.71, 24.71], // Riyadh
      ['LY-BA', 20.07, 32.12], // Benghazi
      ['LY-MI', 15.09, 32.38], // Misrata
    ];
    for (const [code, lon, lat] of cities) {
      const [row] = await t.db.query<{ code: string }>(
        'select code from admin_areas where ST_Covers(geom, ST_SetSRID(ST_Point($1, $2), 4326))',
        [lon, lat],
      );
      expect(row?.code).toBe(code);
    }
  });

  it('loads idempotently: a second load changes no ids and adds nothing', async () => {
    const before = await t.db.query('select id, code from admin_areas order by id');
    expect(await loadBoundaries(t.db)).toEqual({ countries: 9, adminAreas: 156 });
    expect(await t.db.query('select id, code from admin_areas order by id')).toEqual(before);
  });
});
