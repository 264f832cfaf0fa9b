import { PlotActivityList } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { useTestApp } from '../support/testApp.ts';

/** `GET /api/plot-activities`: the plot forms' list of activities, the same for every caller, in the table's reading order. */
describe('plot activities', () => {
  const t = useTestApp('demo');

  it('lists every activity of plot_activities in reading order, bilingual, for anyone', async () => {
    const rows = await t.db.query<{ code: string; name_ar: string; name_en: string }>('select code, name_ar, name_en from plot_activities order by sort_order, code');
    expect(rows.length).toBeGreaterThan(0);
    const response = await t.anonymous.request('/api/plot-activities');
    expect(response.status).toBe(200);
    const list = PlotActivityList.parse(await response.json());
    expect(list.items.map(({ code, name_ar, name_en }) => ({ code, name_ar, name_en }))).toEqual(rows);
    expect(list.items.every((a) => a.zone_kinds.length > 0)).toBe(true);
    const engineer = await t.as(DEMO.engineer);
    expect(PlotActivityList.parse(await engineer.json('/api/plot-activities'))).toEqual(list);
  });

  it('shows an activity added to the table', async () => {
    await t.db.query(`insert into plot_activities (code, name_en, name_ar, zone_kinds, sort_order) values ('glass_test', 'Glass', 'الزجاج', '{industrial_zone}', 1)`);
    const list = PlotActivityList.parse(await t.freshApp().anonymous.json('/api/plot-activities'));
    expect(list.items[0]).toEqual({ code: 'glass_test', name_en: 'Glass', name_ar: 'الزجاج', zone_kinds: ['industrial_zone'] });
  });

  it('answers 405 to a write', async () => {
    const admin = await t.as(DEMO.admin);
    expect((await admin.post('/api/plot-activities', {})).status).toBe(405);
  });
});
