import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/useSession.ts';
import { DEFAULT_LANGUAGE, directionOf, isLanguage } from '../i18n/language.ts';
import './admin.css';
import { AdminTabs, type TabSpec } from './AdminTabs.tsx';
import { OrganizationsTab } from './OrganizationsTab.tsx';
import { UsersTab } from './UsersTab.tsx';

type AdminTab = 'users' | 'organizations';

/**
 * Administration of accounts and organizations, for admins, in a modal `<dialog>` (focus stays
 * inside; Escape or the close button closes it). Both tabs stay mounted while it is open, so
 * switching tabs never loses what a form holds.
 */
export default function AdminDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const selfId = useSession().data?.user.id ?? null;
  const ref = useRef<HTMLDialogElement>(null);
  const base = useId();
  const [tab, setTab] = useState<AdminTab>('users');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  // Closed before it unmounts: while modal, the page under it is inert and the opener could not take the focus back.
  const close = () => {
    ref.current?.close();
    onClose();
  };

  // Escape closes the dialog only, not the panels under it (the page's Escape handler skips prevented keys).
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  const tabs: TabSpec<AdminTab>[] = [
    { id: 'users', label: t('admin.tabs.users'), tabId: `${base}-tab-users`, panelId: `${base}-panel-users` },
    { id: 'organizations', label: t('admin.tabs.organizations'), tabId: `${base}-tab-organizations`, panelId: `${base}-panel-organizations` },
  ];
  const panel = (id: AdminTab) => {
    const spec = tabs.find((s) => s.id === id)!;
    return { role: 'tabpanel', id: spec.panelId, 'aria-labelledby': spec.tabId, hidden: tab !== id, className: 'admin-panel' };
  };

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={`${base}-title`}
      onKeyDown={onKeyDown}
      onCancel={(e) => e.preventDefault()}
      data-testid="admin-dialog"
    >
      <header className="admin-dialog-header">
        <h2 id={`${base}-title`}>{t('admin.title')}</h2>
        <button type="button" className="secondary-button" onClick={close} data-testid="admin-close">
          {t('admin.close')}
        </button>
      </header>
      <AdminTabs label={t('admin.tabs.label')} tabs={tabs} selected={tab} onSelect={setTab} direction={directionOf(language)} />
      <div {...panel('users')} data-testid="admin-panel-users">
        <UsersTab language={language} selfId={selfId} />
      </div>
      <div {...panel('organizations')} data-testid="admin-panel-organizations">
        <OrganizationsTab language={language} />
      </div>
    </dialog>
  );
}
