import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/useMessages.ts';
import { outboxMessages } from './messages.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { useOutboxSession, useOutboxState, useUnsentCount } from './useOutbox.ts';
import './outbox.css';

/**
 * The header's outbox: opens the signed-in user's outbox (and locks it on sign-out), sends it
 * when it can, and shows how many items still wait; a click opens the panel.
 */
export function OutboxButton() {
  useMessages('outbox', outboxMessages);
  useOutboxSession();
  const { t } = useTranslation();
  const state = useOutboxState();
  const unsent = useUnsentCount();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (state.kind !== 'open') return null;
  return (
    <>
      <button ref={opener} type="button" className="secondary-button outbox-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="outbox-button" data-unsent={unsent}>
        {t('outbox.button')}
        {unsent > 0 && (
          <span className="count-badge" data-testid="outbox-count">
            <span aria-hidden="true">{unsent.toLocaleString(document.documentElement.lang === 'ar' ? 'ar-SA-u-nu-arab' : 'en')}</span>
            <span className="visually-hidden">{t('outbox.count', { count: unsent })}</span>
          </span>
        )}
      </button>
      {/* Not loaded on demand: the panel must open with no connection. */}
      {open && (
        <OutboxPanel
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
