import type { Organization } from '../../api/organizations.ts';
import type { Language } from '../../i18n/language.ts';
import type { Funder } from '../../data/vocabulary.ts';

/** One choice in the funder filter. */
export interface FunderOption {
  slug: Funder;
  name: string;
}

/**
 * The funder filter's choices: the donors that fund at least one project the user may see, plus
 * any already chosen, named in `language` and sorted by that name.
 */
export function funderOptions(donors: readonly Organization[], language: Language, chosen: readonly Funder[]): FunderOption[] {
  const collator = new Intl.Collator(language === 'ar' ? 'ar' : 'en', { sensitivity: 'base' });
  return donors
    .filter((donor) => donor.kind === 'donor' && (donor.funded_projects > 0 || chosen.includes(donor.slug)))
    .map((donor) => ({ slug: donor.slug, name: language === 'ar' ? donor.name_ar : donor.name_en }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}
