import { createContext, useContext } from 'react';
import type { Language } from '../i18n/language.ts';
import { briefMessages, type BriefMessages } from './messages.ts';

/** The reader's language and its words, for every part of the printed brief. */
export interface BriefReader {
  language: Language;
  m: BriefMessages;
}

export const BriefReaderContext = createContext<BriefReader>({ language: 'ar', m: briefMessages.ar });

export const readerFor = (language: Language): BriefReader => ({ language, m: briefMessages[language] });

export function useReader(): BriefReader {
  return useContext(BriefReaderContext);
}
