import type { FieldConflict } from '@marsad/contracts';
import type { Language } from '../../i18n/language.ts';

/** The project a conflict is about, in the reader's language (the Arabic title when there is no English one). */
export function projectTitle(conflict: FieldConflict, language: Language): string {
  return language === 'en' && conflict.project.title_en !== null ? conflict.project.title_en : conflict.project.title_ar;
}
