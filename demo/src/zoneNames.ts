import type { PlaceName } from './places.ts';

/**
 * Names of industrial and craft zones. The named ones are real industrial cities and free
 * zones; in the demo they are drawn at a random place in their governorate, not where they are.
 */
export type ZoneKind = 'industrial_zone' | 'craft_zone';

export interface NamedZone {
  code: string; // governorate
  kind: ZoneKind;
  name: PlaceName;
}

export const NAMED_ZONES: readonly NamedZone[] = [
  { code: 'SY-RD', kind: 'industrial_zone', name: { en: 'Adra Industrial City', ar: 'مدينة عدرا الصناعية' } },
  { code: 'SY-HL', kind: 'industrial_zone', name: { en: 'Sheikh Najjar Industrial City', ar: 'المدينة الصناعية في الشيخ نجار' } },
  { code: 'SY-HI', kind: 'industrial_zone', name: { en: 'Hisya Industrial City', ar: 'مدينة حسياء الصناعية' } },
  { code: 'SY-DY', kind: 'industrial_zone', name: { en: 'Deir ez-Zor Industrial City', ar: 'مدينة دير الزور الصناعية' } },
  { code: 'SA-01', kind: 'industrial_zone', name: { en: 'Second Industrial City, Riyadh', ar: 'المدينة الصناعية الثانية بالرياض' } },
  { code: 'SA-01', kind: 'industrial_zone', name: { en: 'Sudair City for Industry and Business', ar: 'مدينة سدير للصناعة والأعمال' } },
  { code: 'SA-02', kind: 'industrial_zone', name: { en: 'Third Industrial City, Jeddah', ar: 'المدينة الصناعية الثالثة بجدة' } },
  { code: 'SA-04', kind: 'industrial_zone', name: { en: 'Second Industrial City, Dammam', ar: 'المدينة الصناعية الثانية بالدمام' } },
  { code: 'SA-05', kind: 'industrial_zone', name: { en: 'Qassim Industrial City', ar: 'المدينة الصناعية بالقصيم' } },
  { code: 'LY-MI', kind: 'industrial_zone', name: { en: 'Misrata Free Zone', ar: 'المنطقة الحرة بمصراتة' } },
  { code: 'LY-NQ', kind: 'industrial_zone', name: { en: 'Abu Kammash Industrial Complex', ar: 'مجمع أبو كماش الصناعي' } },
  { code: 'SY-DI', kind: 'craft_zone', name: { en: 'Al-Qadam Craft Zone', ar: 'المنطقة الحرفية في القدم' } },
];

export function genericZoneName(kind: ZoneKind, town: PlaceName): PlaceName {
  return kind === 'industrial_zone'
    ? { en: `${town.en} Industrial Zone`, ar: `المنطقة الصناعية في ${town.ar}` }
    : { en: `${town.en} Craft Zone`, ar: `المنطقة الحرفية في ${town.ar}` };
}
