import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.ts';
import { AccountControls } from '../features/account/AccountControls.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { MinisterEntries } from '../features/obstacleOverview/MinisterEntries.tsx';
import { PlansEntry } from '../features/plans/PlansEntry.tsx';
import type { Screen } from '../url/planViewState.ts';

export function Header({
  language,
  onLanguageChange,
  screen,
  onScreenChange,
}: {
  language: Language;
  onLanguageChange: (next: Language) => void;
  /** The screen entries (plans, obstacles, meetings): which screen is shown, and how to switch. */
  screen: Screen;
  onScreenChange: (next: Screen) => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand-name">{t('app.name')}</h1>
        <p className="brand-tagline">{t('app.tagline')}</p>
      </div>
      <div className="header-actions">
        <PlansEntry screen={screen} onScreenChange={onScreenChange} />
        <MinisterEntries screen={screen} onScreenChange={onScreenChange} />
        <AccountControls />
        <LanguageToggle language={language} onChange={onLanguageChange} />
      </div>
    </header>
  );
}
