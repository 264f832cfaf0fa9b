import { LIMITS, ORGANIZATION_SLUG } from '@marsad/contracts';
import type { Organization } from '../../api/organizations.ts';
import type { NewOrganization, OrganizationChange, OrganizationKind } from './adminApi.ts';

/** The organization form as typed. */
export interface OrganizationDraft {
  slug: string;
  kind: OrganizationKind;
  name_ar: string;
  name_en: string;
  /** ISO 3166-1 alpha-3, or `''` for an international body. */
  country: string;
}

export type OrganizationField = keyof OrganizationDraft;

/** What is wrong with a field, as an i18n key under `admin.errors`. */
export type OrganizationProblem = 'slug' | 'name' | 'kind' | 'country';

export type OrganizationErrors = Partial<Record<OrganizationField, OrganizationProblem>>;

/**
 * The kinds the form offers. A governorate office belongs to one governorate, which
 * `POST /api/admin/organizations` does not take: the database would refuse it.
 */
export const CREATABLE_KINDS: readonly OrganizationKind[] = ['ministry', 'donor', 'partner'];

/** The longest slug ORGANIZATION_SLUG allows. */
const SLUG_MAX = 61;
const NAME = LIMITS.organizationName;

export const EMPTY_ORGANIZATION_DRAFT: OrganizationDraft = { slug: '', kind: 'donor', name_ar: '', name_en: '', country: '' };

/** A slug from the English name, offered until the admin types one: `Japan Agency (JICA)` → `japan-agency-jica`. */
export function suggestSlug(nameEn: string): string {
  return nameEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

/** The form of an organization being changed: as stored, with `''` for no country. */
export function organizationDraftOf(organization: Organization): OrganizationDraft {
  return {
    slug: organization.slug,
    kind: organization.kind,
    name_ar: organization.name_ar,
    name_en: organization.name_en,
    country: organization.country ?? '',
  };
}

function countryOf(draft: OrganizationDraft): string | null {
  return draft.country === '' ? null : draft.country;
}

/** The names and the country, the same rules for new and changed organizations. */
function checkNamesAndCountry(draft: OrganizationDraft, countries: readonly string[], storedCountry: string | null, errors: OrganizationErrors): void {
  const nameAr = draft.name_ar.trim();
  const nameEn = draft.name_en.trim();
  if (nameAr.length < NAME.min || nameAr.length > NAME.max) errors.name_ar = 'name';
  if (nameEn.length < NAME.min || nameEn.length > NAME.max) errors.name_en = 'name';
  // The stored country stays acceptable even when Marsad has no boundaries for it (or they have not loaded).
  if (draft.country !== '' && draft.country !== storedCountry && !countries.includes(draft.country)) errors.country = 'country';
}

export type NewOrganizationCheck = { ok: true; organization: NewOrganization } | { ok: false; errors: OrganizationErrors };

/** Checks a new organization the way the API will. `countries`: the ISO3 codes Marsad has boundaries for. */
export function checkNewOrganization(draft: OrganizationDraft, countries: readonly string[]): NewOrganizationCheck {
  const errors: OrganizationErrors = {};
  const slug = draft.slug.trim();
  if (!ORGANIZATION_SLUG.test(slug)) errors.slug = 'slug';
  if (!CREATABLE_KINDS.includes(draft.kind)) errors.kind = 'kind';
  checkNamesAndCountry(draft, countries, null, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    organization: { slug, kind: draft.kind, name_ar: draft.name_ar.trim(), name_en: draft.name_en.trim(), country: countryOf(draft) },
  };
}

export type OrganizationChangeCheck = { ok: true; change: OrganizationChange } | { ok: false; errors: OrganizationErrors };

/**
 * The PATCH for an edited organization: only the names and country the draft changed (its slug and
 * kind cannot). `opened`: the organization the draft was made from, as it was when the form
 * opened, so that what another admin changed meanwhile is not sent back as it was.
 */
export function checkOrganizationChange(opened: Organization, draft: OrganizationDraft, countries: readonly string[]): OrganizationChangeCheck {
  const errors: OrganizationErrors = {};
  checkNamesAndCountry(draft, countries, opened.country, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const change: OrganizationChange = {};
  const nameAr = draft.name_ar.trim();
  const nameEn = draft.name_en.trim();
  if (nameAr !== opened.name_ar) change.name_ar = nameAr;
  if (nameEn !== opened.name_en) change.name_en = nameEn;
  const country = countryOf(draft);
  if (country !== opened.country) change.country = country;
  return { ok: true, change };
}
