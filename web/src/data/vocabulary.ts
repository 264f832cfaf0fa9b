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
 * Funding organizations offered in the filter (slugs). The API has no list of organizations yet;
 * these are the donors it knows.
 */
export const FUNDERS = ['undp', 'giz', 'eu', 'world-bank', 'unicef', 'un-habitat', 'kfw', 'afd', 'isdb'] as const;

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type Sector = (typeof SECTORS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type Funder = (typeof FUNDERS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
