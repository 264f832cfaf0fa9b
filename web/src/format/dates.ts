import type { Language } from '../i18n/language.ts';
import { HIJRI_LOCALES, INTL_LOCALES } from './locale.ts';

/** A date shown twice: Gregorian, and beside it the Umm al-Qura Hijri date. */
export interface DualDate {
  gregorian: string;
  hijri: string;
}

/** `YYYY-MM-DD` (or a longer ISO timestamp: its date part is used). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Noon UTC of the calendar day, so that no time zone moves it to the day before or after. */
export function parseIsoDay(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (match === null) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC' };

/** A calendar day in both calendars, or `null` for an empty or unreadable date. */
export function formatDualDate(iso: string | null, language: Language): DualDate | null {
  if (iso === null) return null;
  const date = parseIsoDay(iso);
  if (date === null) return null;
  return {
    gregorian: new Intl.DateTimeFormat(INTL_LOCALES[language], DAY).format(date),
    hijri: new Intl.DateTimeFormat(HIJRI_LOCALES[language], DAY).format(date),
  };
}

/** A `YYYY-MM` month, short, for chart axes: `نوفمبر ٢٠٢٥` / `Nov 2025`. */
export function formatMonth(month: string, language: Language): string {
  const date = parseIsoDay(`${month}-15`);
  if (date === null) return month;
  return new Intl.DateTimeFormat(INTL_LOCALES[language], MONTH).format(date);
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** When something was kept on the device (a draft, an outbox item): its day, then its time of day. */
export function formatKeptAt(iso: string, language: Language): string {
  const day = formatDualDate(iso.slice(0, 10), language)?.gregorian ?? iso.slice(0, 10);
  return `${day} ${new Date(iso).toLocaleTimeString(INTL_LOCALES[language], TIME)}`;
}
