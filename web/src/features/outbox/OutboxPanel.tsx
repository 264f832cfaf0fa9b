import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKeptAt } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { downloadJson, outboxDocument } from './outboxExport.ts';
import type { OutboxItem } from './outboxItem.ts';
import { useOutboxItems, useOutboxState } from './useOutbox.ts';

function ItemRow({ item, language, onRetry, onDiscard }: { item: OutboxItem; language: Language; onRetry: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const reason = item.outcome?.detail;
  return (
    <li className="outbox-item" data-testid="outbox-item" data-state={item.state} data-kind={item.kind} data-id={item.id}>
      <div className="outbox-item-head">
        <strong>
          {t(`outbox.kind.${item.kind}`)} · {item.label}
        </strong>
        <span className="outbox-state" data-state={item.state}>
          {t(`outbox.state.${item.state}`)}
        </span>
      </div>
      <p className="muted">
        {formatKeptAt(item.createdAt, language)}
        {item.photos.length > 0 && ` · ${t('outbox.photos', { count: item.photos.length })}`}
        {item.attempts > 1 && ` · ${t('outbox.attempts', { count: item.attempts })}`}
        {item.state === 'held' && item.outcome?.conflictId !== undefined && ` · ${t('outbox.conflict', { id: item.outcome.conflictId })}`}
      </p>
      {reason !== undefined && item.state !== 'sent' && item.state !== 'held' && (
        <p className={item.state === 'refused' ? 'field-error' : 'muted'} data-testid="outbox-reason">
          {t('outbox.reason', { detail: reason })}
        </p>
      )}
      {item.state === 'refused' && !confirming && (
        <div className="outbox-actions">
          <button type="button" className="secondary-button" onClick={onRetry} data-testid="outbox-retry">
            {t('outbox.retry')}
          </button>
          <button type="button" className="secondary-button" onClick={() => setConfirming(true)} data-testid="outbox-discard">
            {t('outbox.discard')}
          </button>
        </div>
      )}
      {confirming && (
        <div className="outbox-actions" role="alert">
          <span>{t('outbox.discardConfirm')}</span>
          <button type="button" className="primary-button" onClick={onDiscard} data-testid="outbox-discard-yes">
            {t('outbox.discardYes')}
          </button>
          <button type="button" className="secondary-button" onClick={() => setConfirming(false)}>
            {t('outbox.discardNo')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The outbox's items with their state and reason: send now, retry or discard a refused one, export all. */
export function OutboxPanel({ language, onClose }: { language: Language; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const state = useOutboxState();
  const items = useOutboxItems();
  const close = () => {
    ref.current?.close();
    onClose();
  };
  const engine = state.kind === 'open' ? state.engine : null;
  const exportAll = async () => {
    if (state.kind !== 'open') return;
    downloadJson(await outboxDocument(state.vault, items), `marsad-outbox-${new Date().toISOString().slice(0, 10)}.json`);
  };
  return (
    <Modal ref={ref} onEscape={close} className="outbox-panel" testId="outbox-panel" aria-labelledby="outbox-title">
      <ModalHeader titleId="outbox-title" title={t('outbox.title')} close={{ label: t('outbox.close'), onClick: close, testId: 'outbox-close' }} />
      <p className="muted">{t('outbox.intro')}</p>
      {engine?.signInNeeded === true && (
        <p className="panel-error" role="alert">
          {t('outbox.signInNeeded')}
        </p>
      )}
      {state.kind !== 'open' && <p className="panel-error">{t('outbox.unavailable')}</p>}
      {items.length === 0 ? (
        <p data-testid="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox-list" data-testid="outbox-list">
          {[...items].reverse().map((item) => (
            <ItemRow key={item.id} item={item} language={language} onRetry={() => void engine?.retry(item.id)} onDiscard={() => void engine?.discard(item.id)} />
          ))}
        </ul>
      )}
      <div className="dialog-actions outbox-actions">
        <button type="button" className="primary-button" disabled={engine === null} onClick={() => void engine?.flush(true)} data-testid="outbox-send-now">
          {t('outbox.sendNow')}
        </button>
        <button type="button" className="secondary-button" disabled={items.length === 0} onClick={() => void exportAll()} title={t('outbox.exportHint')} data-testid="outbox-export">
          {t('outbox.export')}
        </button>
      </div>
    </Modal>
  );
}
