import type { SessionUser } from '@marsad/contracts';
import { useMemo } from 'react';
import type { Language } from '../i18n/language.ts';
import { useCountries } from './useBoundaries.ts';
import { useCountrySummaries } from './useSummaries.ts';

export interface CountryChoice {
  code: string;
  name: string;
}

/**
 * The country a screen shows and the ones it may switch to, as the plans screen picks them: the
 * address's country if there is one; else the viewer's own (an engineer's governorates say it);
 * else the country with the most projects the viewer sees. The choices are the countries with
 * projects the viewer sees, most projects first.
 */
export function useScreenCountry(chosen: string | null, user: SessionUser | null, language: Language): { country: string | null; choices: CountryChoice[] } {
  const summaries = useCountrySummaries('');
  const boundaries = useCountries();
  const choices = useMemo(
    () =>
      [...(summaries.data?.countries ?? [])]
        .sort((a, b) => b.projects - a.projects)
        .map((c) => ({ code: c.country, name: language === 'ar' ? c.name_ar : c.name_en })),
    [summaries.data, language],
  );
  const own = useMemo(() => {
    const iso2 = user?.governorates[0]?.slice(0, 2);
    const found = iso2 === undefined ? undefined : boundaries.data?.features.find((f) => f.properties.iso2 === iso2);
    return found?.properties.iso3 ?? choices[0]?.code ?? null;
  }, [user, boundaries.data, choices]);
  return { country: chosen ?? own, choices };
}
