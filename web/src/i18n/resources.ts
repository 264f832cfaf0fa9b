import type { Language } from './language.ts';
import { accountMessages } from '../features/account/messages.ts';
import { appMessages } from '../app/messages.ts';
import { governorateMessages } from '../features/governorate/messages.ts';
import { mapMessages } from '../map/messages.ts';
import { overviewMessages } from '../features/overview/messages.ts';
import { plansEntryMessages } from '../features/plans/entryMessages.ts';
import { progressMessages } from '../features/progress/messages.ts';
import { projectMessages } from '../features/project/messages.ts';
import { uiMessages } from '../ui/messages.ts';
import { vocabularyMessages } from '../data/vocabularyMessages.ts';
import { zoneMessages } from '../features/zone/messages.ts';
import { zonesNationalMessages } from '../features/zonesNational/messages.ts';

/**
 * The strings of the first view, assembled from the messages of the pieces it shows (each
 * `messages.ts` sits beside its screen: Arabic the reference, English with the same keys). Screens
 * loaded on demand (editor, admin, imports, photos, sharing, drafts) add theirs when they first
 * render (`useMessages`), so they do not weigh on every visitor's first view.
 */
const FIRST_VIEW = [
  appMessages,
  mapMessages,
  vocabularyMessages,
  uiMessages,
  overviewMessages,
  governorateMessages,
  zoneMessages,
  zonesNationalMessages,
  projectMessages,
  progressMessages,
  accountMessages,
  plansEntryMessages,
] as const;

function assemble(language: Language): Record<string, object> {
  return Object.assign({}, ...FIRST_VIEW.map((messages) => messages[language]));
}

export const resources = {
  ar: { translation: assemble('ar') },
  en: { translation: assemble('en') },
} as const;
