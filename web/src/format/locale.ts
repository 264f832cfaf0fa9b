import type { Language } from '../i18n/language.ts';

/**
 * The Intl locale behind every number and date on the page.
 *
 * Arabic uses `ar-SA` with Arabic-Indic digits (`nu-arab`, ٠١٢٣…) asked for explicitly, so the
 * digits do not depend on the browser's CLDR version, and with the Gregorian calendar asked for
 * explicitly, because `ar-SA` alone formats dates in the Umm al-Qura calendar. Its month names are
 * the Modern Standard ones (يناير، فبراير…) read in Syria, Libya and Saudi Arabia alike.
 */
export const INTL_LOCALES: Record<Language, string> = {
  ar: 'ar-SA-u-nu-arab-ca-gregory',
  en: 'en-GB-u-nu-latn-ca-gregory',
};

/** The same languages with the Umm al-Qura Hijri calendar. */
export const HIJRI_LOCALES: Record<Language, string> = {
  ar: 'ar-SA-u-nu-arab-ca-islamic-umalqura',
  en: 'en-GB-u-nu-latn-ca-islamic-umalqura',
};
