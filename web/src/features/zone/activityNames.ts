import type { ZoneDetail } from '@marsad/contracts';
import type { Language } from '../../i18n/language.ts';

/** An activity code's name in the page's language, from the zone's own list of activities; the code when unnamed. */
export function activityNamer(zone: ZoneDetail | undefined, language: Language): (code: string | null) => string | null {
  const names = new Map((zone?.activities ?? []).map((a) => [a.activity, language === 'ar' ? a.name_ar : a.name_en]));
  return (code) => (code === null ? null : (names.get(code) ?? code));
}
