/**
 * Who is asking. Every read passes the viewer to `projectVisibility`, the one place that
 * decides which projects they may see.
 */
export const ROLES = ['admin', 'minister', 'viewer', 'engineer', 'donor'] as const;
export type Role = (typeof ROLES)[number];

export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; role: Role; organizationId: number };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
