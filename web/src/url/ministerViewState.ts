import { ESCALATION_LEVELS, type EscalationLevel } from '@marsad/contracts';
import { isOneOf } from '../data/vocabulary.ts';

/**
 * The minister's screens' part of the address: the obstacles screen's open cell of the level ×
 * governorate table (`?view=obstacles&obstacle_cell=SY-DI:minister`) and the meetings screen's
 * open meeting (`?view=meetings&meeting=12`). The country both screens show is the plans screen's
 * `country` (planViewState.ts): one country parameter for every screen that picks one.
 */
export interface ObstacleCell {
  /** ISO 3166-2 code of the governorate (the table's row). */
  governorate: string;
  /** The escalation level (the table's column). */
  level: EscalationLevel;
}

export interface MinisterViewState {
  /** The cell of the obstacles table whose list is open. */
  obstacleCell: ObstacleCell | null;
  /** The id of the meeting whose detail is open. */
  meeting: number | null;
}

export const EMPTY_MINISTER_VIEW: MinisterViewState = { obstacleCell: null, meeting: null };

const PARAM = { obstacleCell: 'obstacle_cell', meeting: 'meeting' } as const;
const GOVERNORATE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const ID = /^[1-9]\d{0,14}$/;

/** `SY-DI:minister` → the cell; anything else → `null`. */
export function parseObstacleCell(value: string | null): ObstacleCell | null {
  if (value === null) return null;
  const [governorate, level, ...rest] = value.split(':');
  if (rest.length > 0 || governorate === undefined || !GOVERNORATE.test(governorate.toUpperCase())) return null;
  if (!isOneOf(ESCALATION_LEVELS, level)) return null;
  return { governorate: governorate.toUpperCase(), level };
}

export function formatObstacleCell(cell: ObstacleCell): string {
  return `${cell.governorate}:${cell.level}`;
}

export function parseMinisterView(params: URLSearchParams): MinisterViewState {
  const meeting = params.get(PARAM.meeting);
  return {
    obstacleCell: parseObstacleCell(params.get(PARAM.obstacleCell)),
    meeting: meeting !== null && ID.test(meeting) ? Number(meeting) : null,
  };
}

/** Writes what belongs to the screen shown: another screen's leftovers stay out of the address. */
export function serializeMinisterView(screen: string, state: MinisterViewState, params: URLSearchParams): void {
  if (screen === 'obstacles' && state.obstacleCell !== null) params.set(PARAM.obstacleCell, formatObstacleCell(state.obstacleCell));
  if (screen === 'meetings' && state.meeting !== null) params.set(PARAM.meeting, String(state.meeting));
}
