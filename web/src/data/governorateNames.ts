import type { CountryCollection, GovernorateCollection, GovernorateProperties } from '../api/boundaries.ts';
import type { Language } from '../i18n/language.ts';

/** The properties of the governorate with this ISO 3166-2 code, or `null` if there is none. */
export function findGovernorate(
  governorates: GovernorateCollection | undefined,
  code: string | null,
): GovernorateProperties | null {
  if (governorates === undefined || code === null) return null;
  return governorates.features.find((feature) => feature.properties.code === code)?.properties ?? null;
}

/** The short name a person calls the governorate by: `دمشق` / `Damascus`. */
export function governorateName(governorate: Pick<GovernorateProperties, 'name_en' | 'name_ar' | 'name_ar_short'>, language: Language): string {
  if (language === 'en') return governorate.name_en;
  return governorate.name_ar_short || governorate.name_ar;
}

/** The kind of subdivision (`محافظة`, `region`…) in the given language. */
export function governorateKind(governorate: GovernorateProperties, language: Language): string {
  return language === 'ar' ? governorate.kind_ar : governorate.kind;
}

/** The name of a country by ISO 3166-1 alpha-3 code, falling back to the code itself. */
export function countryName(countries: CountryCollection | undefined, iso3: string, language: Language): string {
  const country = countries?.features.find((feature) => feature.properties.iso3 === iso3)?.properties;
  if (country === undefined) return iso3;
  return language === 'ar' ? country.name_ar : country.name_en;
}
