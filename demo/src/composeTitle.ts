import type { AdminArea } from './loadAdminAreas.ts';
import { GOVERNORATE_TITLE_NAMES, NEIGHBOURHOODS, TOWNS, type PlaceName } from './places.ts';
import type { ProjectTemplate } from './projectTemplates.ts';
import type { Random } from './random.ts';

const HOUSING_UNITS = [48, 60, 96, 120, 150, 200, 240, 300, 500];

export function townsOf(area: AdminArea): PlaceName[] {
  return TOWNS[area.code] ?? [{ en: area.nameEn, ar: area.nameArShort }];
}

/** The governorate as said in a title: "Homs", "حمص" (the short Arabic name, without "محافظة"). */
export function governorateInTitle(area: AdminArea): PlaceName {
  return GOVERNORATE_TITLE_NAMES[area.code] ?? { en: area.nameEn, ar: area.nameArShort };
}

export function needsTwoTowns(template: ProjectTemplate): boolean {
  return template.en.includes('{town2}');
}

/** Fills a template's slots for a project in `area`. */
export function composeTitle(random: Random, template: ProjectTemplate, area: AdminArea): PlaceName {
  const towns = townsOf(area);
  // The main city (listed first) gets as many projects as the other towns together.
  const town = random.chance(0.5) ? towns[0]! : random.pick(towns);
  const others = towns.filter((t) => t !== town);
  const town2 = others.length > 0 ? random.pick(others) : town;
  const governorate = governorateInTitle(area);
  const isGovernorateCity = town.ar === area.nameArShort || town.ar === governorate.ar;
  const place: PlaceName = isGovernorateCity ? town : { en: `${town.en}, ${governorate.en}`, ar: `${town.ar}، ${governorate.ar}` };
  const nb = random.pick(NEIGHBOURHOODS);
  const n = String(random.pick(HOUSING_UNITS));
  const fill = (text: string, lang: 'en' | 'ar') =>
    text
      .replaceAll('{place}', place[lang])
      .replaceAll('{town2}', town2[lang])
      .replaceAll('{town}', town[lang])
      .replaceAll('{nb}', nb[lang])
      .replaceAll('{n}', n);
  return { en: fill(template.en, 'en'), ar: fill(template.ar, 'ar') };
}

/** Every demo description starts with the demo label, in both languages, so no one mistakes it for real data. */
export const DEMO_LABEL = { en: 'Demo data.', ar: 'بيانات تجريبية.' } as const;

export function describeProject(
  random: Random,
  area: AdminArea,
  sector: { en: string; ar: string },
  what: 'project' | 'zone',
): PlaceName {
  const governorate = governorateInTitle(area);
  if (what === 'zone') {
    return {
      en: `${DEMO_LABEL.en} Not a real zone: its outline, figures and history were generated to demonstrate Marsad. ${sector.en} in ${governorate.en}, ${area.countryNameEn}.`,
      ar: `${DEMO_LABEL.ar} ليست منطقة حقيقية: حدودها وأرقامها وتاريخها مولّدة لعرض منصة مرصد. قطاع ${sector.ar} في ${area.nameAr}، ${area.countryNameAr}.`,
    };
  }
  const people = random.pick([2, 5, 8, 12, 15, 20, 25, 40, 60, 100]) * 1000;
  return {
    en: `${DEMO_LABEL.en} Not a real project: generated to demonstrate Marsad. ${sector.en} works in ${governorate.en}, ${area.countryNameEn}, expected to serve about ${people.toLocaleString('en-US')} residents.`,
    ar: `${DEMO_LABEL.ar} ليس مشروعاً حقيقياً، أُنشئ لعرض منصة مرصد. أعمال في قطاع ${sector.ar} في ${area.nameAr}، ${area.countryNameAr}، ويُتوقع أن يخدم نحو ${people} نسمة.`,
  };
}
