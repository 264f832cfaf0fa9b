import { BRIEF_LANGUAGES, type BriefLanguage } from '@marsad/contracts';

/** What a brief is about: a governorate (ISO 3166-2) or a whole country (ISO 3166-1 alpha-3). */
export type BriefSubject = { kind: 'governorate'; code: string } | { kind: 'country'; iso3: string };

/** The printed brief's address (brief-server's route), in `language`. */
export function briefPdfUrl(subject: BriefSubject, language: BriefLanguage): string {
  const path = subject.kind === 'governorate' ? `governorates/${encodeURIComponent(subject.code)}` : `countries/${encodeURIComponent(subject.iso3)}`;
  return `/api/briefs/${path}.pdf?lang=${language}`;
}

/** The file name the browser saves it as: `marsad-brief-SY-DI-ar.pdf`. */
export function briefFileName(subject: BriefSubject, language: BriefLanguage): string {
  return `marsad-brief-${subject.kind === 'governorate' ? subject.code : subject.iso3}-${language}.pdf`;
}

export { BRIEF_LANGUAGES };
