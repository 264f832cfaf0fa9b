import type { Viewer } from './Viewer.ts';

/**
 * THE rule for zone plots, beside projectVisibility and projectWritability (which it leans on):
 * - a plot is visible exactly when its zone is (projectVisibility on the zone's project);
 * - a plot is written by whoever may write its zone (projectWritability on the zone's project);
 * - who holds a plot (its investor, their identity and contacts) is the ministry's only: admins,
 *   ministers, viewers, planners and engineers. Donors and anonymous callers see a plot's status
 *   and activity, never its investor, on every path (JSON, GeoJSON, tiles, OGC API, exports,
 *   search, history).
 */
export function investorsVisible(viewer: Viewer): boolean {
  if (viewer.kind === 'anonymous') return false;
  switch (viewer.role) {
    case 'admin':
    case 'minister':
    case 'viewer':
    case 'planner':
    case 'engineer':
      return true;
    case 'donor':
      return false;
  }
}

/** What investorsVisible depends on, for cache keys: add it to visibilityScope wherever an answer may hold investors. */
export const investorScope = (viewer: Viewer): string => (investorsVisible(viewer) ? 'investors' : 'no-investors');

/**
 * Audit/history keys that name who holds a plot, stripped from history entries for viewers without
 * investorsVisible. A plot's note is the ministry's working note and often names the holder, so it
 * goes with them (plot lists give such viewers a null note).
 */
export const INVESTOR_HISTORY_KEYS = ['investor_id', 'investor', 'note'] as const;
