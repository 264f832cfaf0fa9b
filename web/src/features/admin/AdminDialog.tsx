import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../account/useSession.ts';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { directionOf } from '../../i18n/language.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import './admin.css';
import { AdminTabs, type TabSpec } from './AdminTabs.tsx';
import { CloseConfirm } from './CloseConfirm.tsx';
import { OrganizationsTab } from './OrganizationsTab.tsx';
import { UnsavedFormsContext, type UnsavedForms } from './unsavedForms.ts';
import { UsersTab } from './UsersTab.tsx';
import { useMessages } from '../../i18n/useMessages.ts';
import { adminMessages } from './messages.ts';

type AdminTab = 'users' | 'organizations';

/**
 * Administration of accounts and organizations, for admins, in a modal `<dialog>` (focus stays
 * inside; Escape or the close button closes it, after asking if a form holds unsaved input). Both
 * tabs stay mounted while it is open, so switching tabs never loses what a form holds.
 */
export default function AdminDialog({ onClose }: { onClose: () => void }) {
  useMessages('admin', adminMessages);
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const selfId = useSession().data?.user.id ?? null;
  const base = useId();
  const [tab, setTab] = useState<AdminTab>('users');
  const [unsavedForms] = useState<UnsavedForms>(() => new Set());
  const [confirmingClose, setConfirmingClose] = useState(false);
  // Where the focus was when the question came up, to go back to if the admin keeps editing.
  const focusBeforeConfirm = useRef<HTMLElement | null>(null);

  const ref = useRef<HTMLDialogElement>(null);

  const close = () => {
    ref.current?.close();
    onClose();
  };

  // Closing throws away what the forms hold: with unsaved input, ask first.
  const requestClose = () => {
    if (unsavedForms.size === 0) return close();
    if (confirmingClose) return;
    focusBeforeConfirm.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirmingClose(true);
  };
  const keepEditing = () => {
    setConfirmingClose(false);
    const previous = focusBeforeConfirm.current;
    (previous !== null && ref.current?.contains(previous) ? previous : ref.current)?.focus();
  };


  // Once it is shown (the Modal's effect runs first): the selected tab takes the focus.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [ref]);

  const tabs: TabSpec<AdminTab>[] = [
    { id: 'users', label: t('admin.tabs.users'), tabId: `${base}-tab-users`, panelId: `${base}-panel-users` },
    { id: 'organizations', label: t('admin.tabs.organizations'), tabId: `${base}-tab-organizations`, panelId: `${base}-panel-organizations` },
  ];
  const panel = (id: AdminTab) => {
    const spec = tabs.find((s) => s.id === id)!;
    return { role: 'tabpanel', id: spec.panelId, 'aria-labelledby': spec.tabId, hidden: tab !== id, className: 'admin-panel' };
  };

  return (
    // While the question is open, Escape answers it the safe way: keep editing.
    <Modal ref={ref} onEscape={() => (confirmingClose ? keepEditing() : requestClose())} className="admin-dialog" aria-labelledby={`${base}-title`} testId="admin-dialog">
      <ModalHeader titleId={`${base}-title`} title={t('admin.title')} className="admin-dialog-header" close={{ label: t('admin.close'), onClick: requestClose, testId: 'admin-close' }} />
      {confirmingClose && <CloseConfirm onKeep={keepEditing} onDiscard={close} />}
      <AdminTabs label={t('admin.tabs.label')} tabs={tabs} selected={tab} onSelect={setTab} direction={directionOf(language)} />
      <UnsavedFormsContext value={unsavedForms}>
        <div {...panel('users')} data-testid="admin-panel-users">
          <UsersTab language={language} selfId={selfId} />
        </div>
        <div {...panel('organizations')} data-testid="admin-panel-organizations">
          <OrganizationsTab language={language} />
        </div>
      </UnsavedFormsContext>
    </Modal>
  );
}
