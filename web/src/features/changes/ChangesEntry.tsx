import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/useMessages.ts';
import { changesMessages } from './messages.ts';
import './changes.css';

/** The sidebar's way into "what changed": opens its panel on last week (the panel offers the other periods). */
export default function ChangesEntry({ open, onOpen }: { open: boolean; onOpen: () => void }) {
  useMessages('whatChanged', changesMessages);
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary-button changes-entry" aria-pressed={open} title={t('whatChanged.entryLabel')} onClick={onOpen} data-testid="changes-entry">
      <span aria-hidden="true" className="changes-ring" /> {t('whatChanged.entry')}
    </button>
  );
}
