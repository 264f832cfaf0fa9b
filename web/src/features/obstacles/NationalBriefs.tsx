import type { CountrySummary } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { BriefLinks } from './BriefLinks.tsx';

/**
 * The national overview's "Print brief": one country's brief in Arabic or English, for each
 * country the dashboard shows (kept light: it is part of the first view).
 */
export function NationalBriefs({ countries, language, signedIn }: { countries: readonly CountrySummary[] | undefined; language: Language; signedIn: boolean }) {
  const { t } = useTranslation();
  if (countries === undefined || countries.length === 0) return null;
  return (
    <>
      {countries.map((c) => (
        <BriefLinks
          key={c.country}
          subject={{ kind: 'country', iso3: c.country }}
          signedIn={signedIn}
          label={countries.length > 1 ? t('brief.country', { name: language === 'ar' ? c.name_ar : c.name_en }) : undefined}
          testId={`country-brief-${c.country}`}
        />
      ))}
    </>
  );
}
