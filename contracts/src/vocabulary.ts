/**
 * The fixed vocabularies of the schema (db/migrations/0003, 0004), for validation, filters and
 * the page's labels (their Arabic and English names live in the page's messages under these keys).
 */
export const PROJECT_KINDS = ['development_project', 'industrial_zone', 'craft_zone', 'service_centre'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** The kinds that are zones, with plots and utilities (zone_facts). */
export const ZONE_KINDS = ['industrial_zone', 'craft_zone'] as const;

export const PROJECT_STATUSES = ['planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

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
export type Sector = (typeof SECTORS)[number];

/** Statuses in which a project is expected to report progress (so it can be stale or delayed). */
export const ACTIVE_STATUSES: readonly ProjectStatus[] = ['planned', 'tendering', 'in_progress', 'suspended'];

/** A project not updated for this many days is stale. */
export const STALE_AFTER_DAYS = 90;

/**
 * Where a project may go from each status in one progress report. Staying put is always
 * allowed (a progress report without a change of status). Completed and cancelled are final:
 * a mistake there is corrected by an admin, not by a progress report.
 */
export const STATUS_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  planned: ['tendering', 'in_progress', 'suspended', 'cancelled'],
  tendering: ['planned', 'in_progress', 'suspended', 'cancelled'],
  in_progress: ['suspended', 'completed', 'cancelled'],
  suspended: ['in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const canMove = (from: ProjectStatus, to: ProjectStatus): boolean => from === to || STATUS_TRANSITIONS[from].includes(to);

/** Who an account is. What each may see and write: api/src/access/. */
export const ROLES = ['admin', 'minister', 'viewer', 'planner', 'engineer', 'donor'] as const;
export type Role = (typeof ROLES)[number];

/** The kinds of organization an account can belong to. */
export const ORGANIZATION_KINDS = ['ministry', 'governorate_office', 'donor', 'partner'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The organizations projects are shared with; their people see only those shares. */
export const SHARE_RECEIVING_KINDS: readonly OrganizationKind[] = ['donor', 'partner'];

/** The image types a progress photo may have (told by its bytes, not by what the uploader declared). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
