/**
 * The fixed vocabularies of the API's project filters (api/src/projects/projectVocabulary.ts).
 * Their Arabic and English names live in the i18n resources under the same keys.
 */
export const PROJECT_KINDS = ['development_project', 'industrial_zone', 'craft_zone', 'service_centre'] as const;
export const SECTORS = [
  'water',
  'electricity',
  'roads',
  'education',
  'health',
  'housing',
  'agriculture',
  'industry',
  'crafts',
  'municipal',
  'environment',
  'social',
] as const;
export const PROJECT_STATUSES = ['planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled'] as const;

/**
 * A funding organization's slug, e.g. `world-bank`. The donors themselves come from the API
 * (`GET /api/organizations?kind=donor`), so any slug of this shape is accepted from the URL.
 */
const FUNDER_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type Sector = (typeof SECTORS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type Funder = string;

export function isFunderSlug(value: string): value is Funder {
  return FUNDER_SLUG.test(value);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
