import { useTranslation } from 'react-i18next';
import { useMessages } from '../i18n/useMessages.ts';
import { offlineMessages } from './messages.ts';
import { useOnline } from './useOnline.ts';
import './offline.css';

/** In the header while there is no network: says so, and what needs a connection. */
export function OfflineBanner() {
  useMessages('offline', offlineMessages);
  const { t } = useTranslation();
  if (useOnline()) return null;
  return (
    <p className="offline-banner" role="status" data-testid="offline-banner">
      <strong>{t('offline.offline')}</strong>
      <span className="offline-banner-detail">{t('offline.offlineDetail')}</span>
    </p>
  );
}

/** In place of a screen that does not work offline (plans, obstacles overview, meetings…). */
export function UnavailableOffline({ onBack }: { onBack?: () => void }) {
  useMessages('offline', offlineMessages);
  const { t } = useTranslation();
  return (
    <main className="app-main offline-unavailable" data-testid="unavailable-offline">
      <h2>{t('offline.unavailableTitle')}</h2>
      <p>{t('offline.unavailable')}</p>
      {onBack !== undefined && (
        <button type="button" className="secondary-button" onClick={onBack}>
          {t('offline.backToMap')}
        </button>
      )}
    </main>
  );
}
