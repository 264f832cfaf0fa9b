import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { outboxMessages } from './messages.ts';
import { OutboxPanel } from './OutboxPanel.tsx';
import { useOutboxSending, useOutboxState, useUnsentCount } from './useOutbox.ts';
import './outbox.css';

/**
 * The header's outbox, for a signed-in user (loaded then): sends it when it can, and shows how
 * many items still wait; a click opens the panel.
 */
export default function OutboxButton({ language }: { language: Language }) {
  useMessages('outbox', outboxMessages);
  useOutboxSending();
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
            <span aria-hidden="true">{formatCount(unsent, language)}</span>
            <span className="visually-hidden">{t('outbox.count', { count: unsent })}</span>
          </span>
        )}
      </button>
      {open && (
        <OutboxPanel
          language={language}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
