import type { GovernorateCollection } from '../../api/boundaries.ts';
import { findGovernorate, governorateName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';
import type { Indicator } from './planningApi.ts';

/** An indicator's name in the page's language; its code while the catalogue is not here. */
export function indicatorName(indicators: readonly Indicator[] | undefined, code: string, language: Language): string {
  const found = indicators?.find((i) => i.code === code);
  return found === undefined ? code : language === 'ar' ? found.name_ar : found.name_en;
}

/** A governorate's short name; its code while the boundaries are not here. */
export function placeName(governorates: GovernorateCollection | undefined, code: string, language: Language): string {
  const place = findGovernorate(governorates, code);
  return place === null ? code : governorateName(place, language);
}
