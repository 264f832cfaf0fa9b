import type { BriefData } from '@marsad/contracts';
import { parseIsoDay } from '../format/dates.ts';
import { INTL_LOCALES } from '../format/locale.ts';
import type { Language } from '../i18n/language.ts';

/** Short forms the brief's tables need beside format/numbers.ts and format/dates.ts. */

const SHORT_DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };

/** A calendar day, short, in the reader's digits (`١٢ مارس ٢٠٢٦` / `12 Mar 2026`); `—` when empty. */
export function formatShortDate(iso: string | null, language: Language): string {
  const date = iso === null ? null : parseIsoDay(iso);
  return date === null ? '—' : new Intl.DateTimeFormat(INTL_LOCALES[language], SHORT_DAY).format(date);
}

const STAMP: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' };

/** A moment (the data stamp), with its time, in UTC: `3 Dec 2026, 06:00 UTC`. */
export function formatStamp(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(INTL_LOCALES[language], STAMP).format(date)} UTC`;
}

/** A name in the reader's language, the Arabic one when there is no English one. */
export function localName(named: { name_ar: string; name_en?: string | null }, language: Language): string {
  return language === 'en' && named.name_en ? named.name_en : named.name_ar;
}

/** A project's title in the reader's language. */
export function localTitle(project: { title_ar: string; title_en?: string | null }, language: Language): string {
  return language === 'en' && project.title_en ? project.title_en : project.title_ar;
}

/** Governorate names by code, from everything the brief names (a code is shown as-is when unknown). */
export function governorateNamer(brief: BriefData, language: Language): (code: string) => string {
  const names = new Map<string, string>();
  for (const area of brief.map.areas) names.set(area.code, localName(area, language));
  for (const g of brief.governorates) names.set(g.code, localName(g, language));
  if (brief.governorate !== null) names.set(brief.governorate.code, localName(brief.governorate, language));
  return (code) => names.get(code) ?? code;
}

/** The brief's subject, as its title page and running footer name it. */
export function briefSubject(brief: BriefData, language: Language): string {
  if (brief.kind === 'meeting' && brief.meeting !== null) return localTitle(brief.meeting, language);
  if (brief.kind === 'governorate' && brief.governorate !== null) return localName(brief.governorate, language);
  return localName(brief.country, language);
}
