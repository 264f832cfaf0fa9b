import type { CountryCollection, GovernorateCollection } from '../../api/boundaries.ts';
import { countryName, governorateName } from '../../data/governorateNames.ts';
import type { Language } from '../../i18n/language.ts';

export interface GovernorateChoice {
  /** ISO 3166-2. */
  code: string;
  name: string;
}

export interface GovernorateGroup {
  /** ISO 3166-1 alpha-3. */
  country: string;
  name: string;
  choices: GovernorateChoice[];
}

/**
 * The governorates an account may be given, by country, in the current language's order. An
 * organization of one country (a ministry, a governorate office) offers that country's only;
 * governorates already chosen are always shown, so none is ever hidden while selected.
 */
export function governorateGroups(
  governorates: GovernorateCollection | undefined,
  countries: CountryCollection | undefined,
  language: Language,
  country: string | null,
  selected: readonly string[],
): GovernorateGroup[] {
  const collator = new Intl.Collator(language);
  const groups = new Map<string, GovernorateChoice[]>();
  for (const { properties } of governorates?.features ?? []) {
    if (country !== null && properties.country_iso3 !== country && !selected.includes(properties.code)) continue;
    const choices = groups.get(properties.country_iso3) ?? [];
    choices.push({ code: properties.code, name: governorateName(properties, language) });
    groups.set(properties.country_iso3, choices);
  }
  return [...groups]
    .map(([iso3, choices]) => ({
      country: iso3,
      name: countryName(countries, iso3, language),
      choices: choices.sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => Number(b.country === country) - Number(a.country === country) || collator.compare(a.name, b.name));
}
