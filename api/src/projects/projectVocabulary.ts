/** The fixed vocabularies of the projects schema (db/migrations/0004), for validation and docs. */
export const PROJECT_KINDS = ['development_project', 'industrial_zone', 'craft_zone', 'service_centre'] as const;
export const ZONE_KINDS = ['industrial_zone', 'craft_zone'] as const;
export const PROJECT_STATUSES = ['planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled'] as const;
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

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Statuses in which a project is expected to report progress (so it can be stale or delayed). */
export const ACTIVE_STATUSES: readonly ProjectStatus[] = ['planned', 'tendering', 'in_progress', 'suspended'];

/** A project's code: capital letters, digits and dashes, e.g. SY-DI-2026-0101. */
export const PROJECT_CODE = /^[A-Z0-9][A-Z0-9-]{2,40}$/;
/** An ISO 4217 currency code such as USD. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** A project not updated for this many days is stale. */
export const STALE_AFTER_DAYS = 90;
