import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BriefDocument } from './BriefDocument.tsx';
import { tinyBrief } from '../testing/briefFixture.ts';
import { briefApiPath, BriefLoadError, loadBrief, parseBriefQuery, queryLanguage } from './briefSource.ts';
import { cssString, pageMarginRules } from './pageMargins.ts';

const render = (brief = tinyBrief()) => renderToStaticMarkup(createElement(BriefDocument, { brief }));

describe('the printed brief', () => {
  it('speaks Arabic with Arabic-Indic digits, and English with Latin digits', () => {
    const ar = render();
    expect(ar).toContain('موجز المحافظة');
    expect(ar).toContain('المؤشرات الرئيسية');
    expect(ar).toContain('١٬٢٣٤'); // 1,234 projects, grouped as the dashboard does
    expect(ar).toContain('انتظار قرار تخصيص الأرض');
    expect(ar).toContain('حرجة'); // the severity's name
    expect(ar).toContain('الوزير'); // the level's name
    expect(ar).not.toMatch(/>\s*1,234\s*</);
    const en = render(tinyBrief({ language: 'en' }));
    expect(en).toContain('Governorate brief');
    expect(en).toContain('1,234');
    expect(en).toContain('Mezzeh water network rehabilitation');
    expect(en).toContain('Critical');
    expect(en).not.toContain('المؤشرات');
  });

  it('puts the Hijri date beside the Gregorian one on the title page', () => {
    const ar = render();
    expect(ar).toMatch(/<time dateTime="2026-12-03">[^<]*ديسمبر[^<]*<\/time><span class="hijri"[^>]*>[^<]*هـ/);
    const en = render(tinyBrief({ language: 'en' }));
    expect(en).toMatch(/<time dateTime="2026-12-03">3 December 2026<\/time><span class="hijri"[^>]*>[^<]*AH/);
  });

  it('says when it holds only a donor’s shared projects, and draws a meeting’s agenda and decisions', () => {
    expect(render(tinyBrief({ shared_only_with: 'UNDP' }))).toMatch(/المشاريع المشتركة فقط مع:<\/dt><dd class="shared-only"><bdi>UNDP<\/bdi>/);
    const brief = tinyBrief({ kind: 'meeting', language: 'en' });
    const meeting = render({
      ...brief,
      meeting: { id: 4, title_ar: 'لجنة المتابعة', title_en: 'Follow-up committee', level: 'inter_ministerial', held_on: '2026-12-10', agenda_frozen: true, agenda: brief.obstacles, decisions: [] },
    });
    expect(meeting).toContain('<h1>Follow-up committee</h1>');
    expect(meeting).toContain('Agenda frozen');
    expect(meeting).toContain('<h2>Agenda</h2>');
    expect(meeting).not.toContain('<h2>Open obstacles</h2>'); // its one obstacle is on the agenda already
  });

  it('leaves out the plan when there is none and draws it when there is', () => {
    expect(render()).not.toContain('الخطة والمُنجَز');
    const plan = { year: 2026, as_of: '2026-11-30', rows: [{ indicator: 'km_roads', name_ar: 'طرق', name_en: 'Roads', unit_ar: 'كم', unit_en: 'km', target: 120, target_to_date: 100, achieved: 80, pct_of_target: 80 }] };
    const html = render(tinyBrief({ plan }));
    expect(html).toContain('الخطة والمُنجَز — خطة عام ٢٠٢٦');
    expect(html).toContain('٨٠٪');
  });
});

describe('the map’s legend', () => {
  it('shades a country brief by the share delayed, labelled in percent of projects', () => {
    const brief = tinyBrief({ kind: 'country', language: 'en', governorate: null });
    const areas = [0, 0.05, 0.12, 0.3, 0.45].map((value, i) => ({ ...brief.map.areas[0]!, code: `SY-0${i}`, value }));
    const html = render({ ...brief, map: { ...brief.map, areas } });
    expect(html).toContain('Share of projects delayed');
    const percents = [...html.matchAll(/(\d+)%/g)].map((match) => Number(match[1]));
    expect(percents.length).toBeGreaterThan(0);
    expect(percents.every((p) => p <= 100)).toBe(true);
    // The top class starts at a share of tens of percent, not at "0%" (a share read as a percentage).
    expect(Number(html.match(/≥ (\d+)%/)?.[1])).toBeGreaterThanOrEqual(30);
  });
});

describe('where the page’s data comes from', () => {
  it('reads the brief its address names, and the API path of it', () => {
    const query = parseBriefQuery('?kind=governorate&code=SY-DI&lang=en');
    expect(query).toEqual({ kind: 'governorate', code: 'SY-DI', language: 'en' });
    expect(briefApiPath(query!)).toBe('/api/briefs/governorates/SY-DI?lang=en');
    expect(briefApiPath({ kind: 'country', code: 'LBY', language: 'ar' })).toBe('/api/briefs/countries/LBY?lang=ar');
    expect(briefApiPath({ kind: 'meeting', code: '12', language: 'ar' })).toBe('/api/briefs/meetings/12?lang=ar');
    expect(parseBriefQuery('?kind=province&code=SY-DI')).toBeNull();
    expect(parseBriefQuery('?kind=governorate&code=../../x')).toBeNull();
    expect(queryLanguage('?lang=fr')).toBe('ar');
  });

  it('prefers the brief the printer injected, checks its shape, and fetches otherwise', async () => {
    const fetched: string[] = [];
    const fetchBrief = async (path: string) => (fetched.push(path), tinyBrief({ language: 'en' }));
    const injected = await loadBrief({ injected: tinyBrief(), search: '?kind=country&code=SYR', fetchBrief });
    expect(injected.language).toBe('ar');
    expect(fetched).toEqual([]);
    await loadBrief({ injected: undefined, search: '?kind=country&code=SYR&lang=en', fetchBrief });
    expect(fetched).toEqual(['/api/briefs/countries/SYR?lang=en']);
    await expect(loadBrief({ injected: { kind: 'governorate' }, search: '', fetchBrief })).rejects.toThrow(/BriefData: .*language/);
    await expect(loadBrief({ injected: undefined, search: '', fetchBrief })).rejects.toMatchObject({ reason: 'no-query' });
    await expect(loadBrief({ injected: 'x', search: '', fetchBrief })).rejects.toBeInstanceOf(BriefLoadError);
  });
});

describe('the running footer', () => {
  it('numbers the pages in the reader’s digits and stamps the data’s time, not on the title page', () => {
    const ar = pageMarginRules(tinyBrief(), 'ar');
    expect(ar).toContain('@bottom-left { content: counter(page, arabic-indic) " / " counter(pages, arabic-indic)');
    expect(ar).toMatch(/@bottom-right \{ content: "موجز المحافظة: دمشق — البيانات حتى [^"]*٢٠٢٦/);
    expect(ar).toContain('@page :first');
    expect(pageMarginRules(tinyBrief({ language: 'en' }), 'en')).toContain('@bottom-right { content: counter(page, decimal)');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
});
