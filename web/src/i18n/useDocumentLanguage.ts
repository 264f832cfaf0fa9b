import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, type Language } from './language.ts';

/** Keeps `<html lang dir>`, the page title and i18next in step with the chosen language. */
export function useDocumentLanguage(language: Language): void {
  const { i18n, t } = useTranslation();

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    const root = document.documentElement;
    root.lang = language;
    root.dir = directionOf(language);
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, language]);
}
