import type { Language } from '../../i18n/language.ts';

/**
 * How a chart is mirrored for the language: in Arabic time runs right to left (the x axis is
 * reversed) and the value axis stands on the right.
 */
export function chartDirection(language: Language): { reversed: boolean; yOrientation: 'left' | 'right' } {
  return language === 'ar' ? { reversed: true, yOrientation: 'right' } : { reversed: false, yOrientation: 'left' };
}
