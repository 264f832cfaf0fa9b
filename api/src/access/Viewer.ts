import type { Role } from '@marsad/contracts';

export type { Role };

/**
 * Who is asking. Every read passes the viewer to `projectVisibility`, the one place that
 * decides which projects they may see.
 */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; role: Role; organizationId: number };

/** A viewer who has signed in (see http/requireUser.ts). */
export type SignedInViewer = Extract<Viewer, { kind: 'user' }>;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
