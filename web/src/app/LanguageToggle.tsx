import { useTranslation } from 'react-i18next';
import { otherLanguage, type Language } from '../i18n/language.ts';

/** Switches between Arabic and English; its label is written in the language it switches to. */
export function LanguageToggle({ language, onChange }: { language: Language; onChange: (next: Language) => void }) {
  const { t } = useTranslation();
  const next = otherLanguage(language);
  return (
    <button
      type="button"
      className="language-toggle"
      lang={next}
      aria-label={t('language.switchToLabel')}
      data-testid="language-toggle"
      onClick={() => onChange(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
