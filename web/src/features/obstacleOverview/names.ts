import { useCallback } from 'react';
import { useGovernorates } from '../../api/useBoundaries.ts';
import { governorateName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';

/** A project, body or meeting named in the reader's language (Arabic when there is no English). */
export function nameIn(language: Language, named: { name_ar: string; name_en: string | null }): string {
  return language === 'en' && named.name_en !== null && named.name_en !== '' ? named.name_en : named.name_ar;
}

export function titleIn(language: Language, titled: { title_ar: string; title_en: string | null }): string {
  return language === 'en' && titled.title_en !== null && titled.title_en !== '' ? titled.title_en : titled.title_ar;
}

/** The short name of a governorate by its ISO 3166-2 code (the code itself until the boundaries are here). */
export function useGovernorateNamer(language: Language): (code: string) => string {
  const governorates = useGovernorates();
  return useCallback(
    (code: string) => {
      const found = governorates.data?.features.find((f) => f.properties.code === code)?.properties;
      return found === undefined ? code : governorateName(found, language);
    },
    [governorates.data, language],
  );
}
