import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';
import { AccountControls } from '../features/account/AccountControls.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';

export function Header({ language, onLanguageChange }: { language: Language; onLanguageChange: (next: Language) => void }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand-name">{t('app.name')}</h1>
        <p className="brand-tagline">{t('app.tagline')}</p>
      </div>
      <div className="header-actions">
        <AccountControls />
        <LanguageToggle language={language} onChange={onLanguageChange} />
      </div>
    </header>
  );
}
