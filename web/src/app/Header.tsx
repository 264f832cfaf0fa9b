import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/account/useSession.ts';
import type { Language } from '../i18n/language.ts';
import { AccountControls } from '../features/account/AccountControls.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { useOutboxLifecycle } from '../features/outbox/useOutboxLifecycle.ts';
import { PlansEntry } from '../features/plans/PlansEntry.tsx';
import type { Screen } from '../url/planViewState.ts';
import { OfflineBanner } from '../offline/OfflineBanner.tsx';
import { useServiceWorkerUser } from '../offline/useServiceWorkerUser.ts';

// Only signed-in users have the minister's screens: visitors' first view does not load their entries.
const MinisterEntries = lazy(() => import('../features/obstacleOverview/MinisterEntries.tsx'));
const ReviewEntry = lazy(() => import('../features/review/ReviewEntry.tsx'));
// The outbox is a signed-in user's: its code (engine, sealed store, panel) loads at sign-in.
const OutboxButton = lazy(() => import('../features/outbox/OutboxButton.tsx'));

export function Header({
  language,
  onLanguageChange,
  screen,
  onScreenChange,
}: {
  language: Language;
  onLanguageChange: (next: Language) => void;
  /** The screen entries (plans, obstacles, meetings, review): which screen is shown, and how to switch. */
  screen: Screen;
  onScreenChange: (next: Screen) => void;
}) {
  const { t } = useTranslation();
  const user = useSession().data?.user ?? null;
  const signedIn = user !== null;
  // Conflicts for review: for everyone signed in but donors (who have none).
  const reviews = user !== null && user.role !== 'donor';
  useServiceWorkerUser();
  useOutboxLifecycle();
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand-name">{t('app.name')}</h1>
        <p className="brand-tagline">{t('app.tagline')}</p>
      </div>
      <div className="header-actions">
        <OfflineBanner />
        <PlansEntry screen={screen} onScreenChange={onScreenChange} />
        {(signedIn || screen === 'obstacles' || screen === 'meetings') && (
          <Suspense fallback={null}>
            <MinisterEntries screen={screen} signedIn={signedIn} onScreenChange={onScreenChange} />
          </Suspense>
        )}
        {(reviews || screen === 'review') && (
          <Suspense fallback={null}>
            <ReviewEntry screen={screen} signedIn={reviews} language={language} onScreenChange={onScreenChange} />
          </Suspense>
        )}
        {signedIn && (
          <Suspense fallback={null}>
            <OutboxButton language={language} />
          </Suspense>
        )}
        <AccountControls />
        <LanguageToggle language={language} onChange={onLanguageChange} />
      </div>
    </header>
  );
}
