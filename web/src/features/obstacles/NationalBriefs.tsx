import type { CountrySummary } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { BriefLinks } from './BriefLinks.tsx';

/**
 * The national overview's "Print brief": one country's brief in Arabic or English, for each
 * country with projects the reader sees (kept light: it is part of the first view). The line on
 * what printing does is said once, under the last.
 */
export function NationalBriefs({ countries, language, signedIn }: { countries: readonly CountrySummary[] | undefined; language: Language; signedIn: boolean }) {
  const { t } = useTranslation();
  const withProjects = countries?.filter((c) => c.projects > 0) ?? [];
  if (withProjects.length === 0) return null;
  return (
    <>
      {withProjects.map((c, i) => (
        <BriefLinks
          key={c.country}
          subject={{ kind: 'country', iso3: c.country }}
          signedIn={signedIn}
          label={withProjects.length > 1 ? t('brief.country', { name: language === 'ar' ? c.name_ar : c.name_en }) : undefined}
          testId={`country-brief-${c.country}`}
          withHint={i === withProjects.length - 1}
        />
      ))}
    </>
  );
}
