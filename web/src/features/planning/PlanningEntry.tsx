import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../account/session.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { planningEntryMessages } from './entryMessages.ts';
import { mayManagePlans, mayOpenPlans, mayReturn } from './planningRoles.ts';
import { useOnline } from '../../offline/useOnline.ts';

// The screens themselves load when first opened.
const PlanningDialog = lazy(() => import('./PlanningDialog.tsx'));
const ReturnsDialog = lazy(() => import('./ReturnsDialog.tsx'));

type Screen = 'plans' | 'returns';

/**
 * The planning entries of the header's account corner: "Manage plans" for planners and approvers
 * ("Returns follow-up" for viewers, who only follow the returns), "Statistical returns" for engineers.
 */
export function PlanningEntry({ user }: { user: SessionUser }) {
  useMessages('planningEntry', planningEntryMessages);
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen | null>(null);
  // Plans and returns need the server: disabled offline.
  const offline = !useOnline();
  const opener = useRef<HTMLButtonElement | null>(null);
  const open = (next: Screen, button: HTMLButtonElement) => {
    opener.current = button;
    setScreen(next);
  };
  const close = () => {
    setScreen(null);
    opener.current?.focus();
  };
  return (
    <>
      {mayOpenPlans(user.role) && (
        <button type="button" className="secondary-button" aria-haspopup="dialog" disabled={offline} onClick={(e) => open('plans', e.currentTarget)} data-testid="open-plans">
          {t(mayManagePlans(user.role) ? 'planningEntry.plans' : 'planningEntry.followUp')}
        </button>
      )}
      {mayReturn(user.role) && (
        <button type="button" className="secondary-button" aria-haspopup="dialog" disabled={offline} onClick={(e) => open('returns', e.currentTarget)} data-testid="open-returns">
          {t('planningEntry.returns')}
        </button>
      )}
      <Suspense fallback={null}>
        {screen === 'plans' && <PlanningDialog user={user} onClose={close} />}
        {screen === 'returns' && <ReturnsDialog user={user} onClose={close} />}
      </Suspense>
    </>
  );
}
