import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
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
  const { open: menuOpen, setOpen: setMenuOpen, headerRef, closeAfterChoice } = useHeaderMenu(user?.id ?? null);
  return (
    <header className="app-header" ref={headerRef}>
      <div className="brand">
        <h1 className="brand-name">{t('app.name')}</h1>
        <p className="brand-tagline">{t('app.tagline')}</p>
      </div>
      <OfflineBanner />
      {/* Narrow windows (tablets held upright, phones): the screens and the account fold behind this button. */}
      <button
        type="button"
        className="header-menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="header-actions"
        aria-label={t('app.menuLabel')}
        data-testid="header-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span aria-hidden="true">☰</span> {t('app.menu')}
      </button>
      <div className="header-actions" id="header-actions" data-open={menuOpen} onClick={closeAfterChoice}>
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
      </div>
      <LanguageToggle language={language} onChange={onLanguageChange} />
    </header>
  );
}

/**
 * The folded header's menu: open or closed; closed by Escape (focus back on its button), by a press
 * outside the header, once a screen is chosen in it, and once someone signs in or out. Dialogs opened from it (sign-in, imports)
 * live inside the header, so pressing in them keeps it open.
 */
function useHeaderMenu(userId: number | null) {
  const [open, setOpen] = useState(false);
  // Signing in or out from the menu is its job done: it folds again (adjusted while rendering, not in an effect).
  const [menuUser, setMenuUser] = useState(userId);
  if (menuUser !== userId) {
    setMenuUser(userId);
    setOpen(false);
  }
  const headerRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || headerRef.current?.querySelector('dialog[open]')) return;
      setOpen(false);
      headerRef.current?.querySelector<HTMLButtonElement>('.header-menu-toggle')?.focus();
    };
    const onPress = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || headerRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPress);
    };
  }, [open]);
  // A screen entry chosen: the menu has done its job. Buttons that open a dialog keep it (the dialog is in it).
  const closeAfterChoice = (event: MouseEvent<HTMLDivElement>) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button !== null && button.getAttribute('aria-haspopup') === null && button.closest('dialog') === null) setOpen(false);
  };
  return { open, setOpen, headerRef, closeAfterChoice };
}
