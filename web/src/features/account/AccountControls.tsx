import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useSignOut } from './useSession.ts';
import { SignInDialog } from './SignInDialog.tsx';
import { PlanningEntry } from '../planning/PlanningEntry.tsx';
import { loadOutboxSession } from '../outbox/useOutboxLifecycle.ts';
import { useOnline } from '../../offline/useOnline.ts';
import './account.css';

// Screens only some roles open: loaded when first opened.
const AdminDialog = lazy(() => import('../admin/AdminDialog.tsx'));
const ImportDialog = lazy(() => import('../imports/ImportDialog.tsx'));

type Tool = 'admin' | 'import';

/** The header's account corner: a sign-in button, or who is signed in (name, role) and sign-out. */
export function AccountControls() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [tool, setTool] = useState<Tool | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const toolOpener = useRef<HTMLButtonElement | null>(null);
  const openTool = (next: Tool, opener: HTMLButtonElement) => {
    toolOpener.current = opener;
    setTool(next);
  };
  const closeTool = () => {
    setTool(null);
    toolOpener.current?.focus();
  };
  const user = session.data?.user ?? null;
  // Imports and administration need the server: offline they stay in the header, disabled.
  const offline = !useOnline();

  if (session.isPending) return null;
  if (user !== null && session.data) {
    const csrfToken = session.data.csrfToken;
    return (
      <div className="account" data-testid="account">
        <span className="account-name">
          <span className="visually-hidden">{t('auth.signedInAs')}: </span>
          <strong data-testid="account-name">{user.display_name}</strong>
          <span className="account-role" data-testid="account-role" data-role={user.role}>
            {t(`auth.role.${user.role}`)}
          </span>
        </span>
        {(user.role === 'admin' || user.role === 'engineer') && (
          <button type="button" className="secondary-button" aria-haspopup="dialog" disabled={offline} onClick={(e) => openTool('import', e.currentTarget)} data-testid="open-import">
            {t('tools.import')}
          </button>
        )}
        {user.role === 'admin' && (
          <button type="button" className="secondary-button" aria-haspopup="dialog" disabled={offline} onClick={(e) => openTool('admin', e.currentTarget)} data-testid="open-admin">
            {t('tools.admin')}
          </button>
        )}
        <PlanningEntry user={user} />
        <button
          type="button"
          className="secondary-button"
          disabled={signOut.isPending}
          onClick={() =>
            void loadOutboxSession().then(({ unsentCount }) => {
              // Unsent items stay on the device, locked until this user signs in again: say so first.
              const unsent = unsentCount();
              if (unsent === 0 || window.confirm(t('outbox.signOutWarning', { count: unsent }))) signOut.mutate(csrfToken);
            })
          }
          data-testid="sign-out"
        >
          {t('auth.signOut')}
        </button>
        <Suspense fallback={null}>
          {tool === 'admin' && <AdminDialog onClose={closeTool} />}
          {tool === 'import' && <ImportDialog onClose={closeTool} />}
        </Suspense>
      </div>
    );
  }
  return (
    <>
      <button ref={opener} type="button" className="secondary-button" aria-haspopup="dialog" onClick={() => setDialogOpen(true)} data-testid="sign-in">
        {t('auth.signIn')}
      </button>
      {dialogOpen && (
        <SignInDialog
          onClose={() => {
            setDialogOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
