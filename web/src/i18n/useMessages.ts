import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './language.ts';

/** A screen's own strings in both languages (Arabic the reference; English with the same keys). */
export type ScreenMessages = Record<Language, object>;

/**
 * Adds a screen's strings under `key` (read as `t('key.…')`) to the page's i18n when the screen
 * first renders. Screens loaded on demand bring their strings with them, instead of weighing on
 * the first view of every visitor. Both languages at once: switching language needs no reload.
 */
export function useMessages(key: string, messages: ScreenMessages): void {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (i18n.getResource(language, 'translation', key) === undefined) {
      i18n.addResourceBundle(language, 'translation', { [key]: messages[language] }, true, false);
    }
  }
}
