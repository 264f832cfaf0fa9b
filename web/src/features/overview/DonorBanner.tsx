import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/organizations.ts';
import type { SessionUser } from '../account/session.ts';
import type { Language } from '../../i18n/language.ts';
import './overview.css';

/** Tells a donor that the map, KPIs and lists show only the projects shared with their organization. */
export function DonorBanner({ user, donors, language }: { user: SessionUser; donors: readonly Organization[]; language: Language }) {
  const { t } = useTranslation();
  const own = donors.find((d) => d.slug === user.organization);
  const organization = own === undefined ? user.organization : language === 'ar' ? own.name_ar : own.name_en;
  return (
    <p className="donor-banner" role="status" data-testid="donor-banner">
      {t('donor.banner', { organization })}
    </p>
  );
}
