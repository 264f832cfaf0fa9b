/**
 * The fixed vocabularies of the project filters, shared with the API so the two cannot drift.
 * Their Arabic and English names live in the i18n resources under the same keys.
 */
import type { PROJECT_KINDS, SECTORS } from '@marsad/contracts';

export { PROJECT_KINDS, PROJECT_STATUSES, SECTORS, type ProjectStatus } from '@marsad/contracts';

/**
 * A funding organization's slug, e.g. `world-bank`. The donors themselves come from the API
 * (`GET /api/organizations?kind=donor`), so any slug of this shape is accepted from the URL.
 */
const FUNDER_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type Sector = (typeof SECTORS)[number];
export type Funder = string;

export function isFunderSlug(value: string): value is Funder {
  return FUNDER_SLUG.test(value);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
