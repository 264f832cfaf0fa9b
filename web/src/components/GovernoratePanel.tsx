import { useTranslation } from 'react-i18next';
import type { CountryCollection, GovernorateProperties } from '../api/boundaries.ts';
import { countryName, governorateKind, governorateName } from '../data/governorateNames.ts';
import type { Language } from '../i18n/language.ts';

export interface GovernoratePanelProps {
  governorate: GovernorateProperties;
  countries: CountryCollection | undefined;
  language: Language;
  onClose: () => void;
}

/** The selected governorate's name and code. The dashboard's figures will go here later. */
export function GovernoratePanel({ governorate, countries, language, onClose }: GovernoratePanelProps) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel" aria-labelledby="governorate-panel-title" data-testid="governorate-panel">
      <div className="side-panel-header">
        <p className="side-panel-kicker">{t('panel.heading')}</p>
        <button type="button" className="close-button" onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </div>
      <h2 id="governorate-panel-title" className="side-panel-title" data-testid="governorate-name">
        {governorateName(governorate, language)}
      </h2>
      {language === 'ar' && governorate.name_ar !== governorate.name_ar_short && (
        <p className="side-panel-subtitle">{governorate.name_ar}</p>
      )}
      <dl className="facts">
        <dt>{t('panel.code')}</dt>
        <dd dir="ltr" data-testid="governorate-code">
          {governorate.code}
        </dd>
        <dt>{t('panel.kind')}</dt>
        <dd className="kind">{governorateKind(governorate, language)}</dd>
        <dt>{t('panel.country')}</dt>
        <dd>{countryName(countries, governorate.country_iso3, language)}</dd>
      </dl>
    </aside>
  );
}
