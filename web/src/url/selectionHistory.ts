import type { Camera, ViewState } from './viewState.ts';

/**
 * What is chosen on the map, from the outermost to the innermost: a governorate, a zone (its screen
 * hides the governorate's panel), a project (its drawer opens over either). The innermost one is
 * what the map frames.
 */
export const SELECTION_LEVELS = ['governorate', 'zone', 'project'] as const;
export type SelectionLevel = (typeof SELECTION_LEVELS)[number];

export type Selection =
  | { level: 'governorate'; code: string }
  | { level: 'zone'; id: number }
  | { level: 'project'; id: number };

/**
 * Where the reader was when each open level was chosen, kept in the history entry (`history.state`),
 * not in the address: closing that level goes back there. `null` is the national view (the entry
 * was opened with a selection, or the map had not been moved).
 */
export type ReturnCameras = Partial<Record<SelectionLevel, Camera | null>>;

/**
 * What the map does after the view state changed:
 * - `fit`: bring the current selection into view (beside the open panels), once its outline is known;
 * - `camera`: go to this camera (`null`: the national view);
 * - `sync`: back/forward: take the entry's camera, else frame its selection, else the national view;
 * - `load`: the page was opened: frame the selection unless the address's camera already shows it.
 */
export type CameraMove = { kind: 'fit' } | { kind: 'camera'; camera: Camera | null } | { kind: 'sync' } | { kind: 'load' };

function valueAt(state: ViewState, level: SelectionLevel): string | number | null {
  return state[level];
}

/** The innermost selection, the one the map frames; `null` without any. */
export function currentSelection(state: ViewState): Selection | null {
  if (state.project !== null) return { level: 'project', id: state.project };
  if (state.zone !== null) return { level: 'zone', id: state.zone };
  if (state.governorate !== null) return { level: 'governorate', code: state.governorate };
  return null;
}

/** A stable name for a selection (`governorate:SY-DI`, `project:12`), `''` for none. */
export function selectionKey(selection: Selection | null): string {
  if (selection === null) return '';
  return `${selection.level}:${selection.level === 'governorate' ? selection.code : selection.id}`;
}

/** Whether another governorate, zone or project is chosen (or one is closed): a step of the history. */
export function isSelectionChange(before: ViewState, after: ViewState): boolean {
  return SELECTION_LEVELS.some((level) => valueAt(before, level) !== valueAt(after, level));
}

export interface SelectionStep {
  /** The return cameras of the new history entry. */
  returns: ReturnCameras;
  /** What the map does; `null`: nothing. */
  move: CameraMove | null;
}

/**
 * The rules of a selection change made on the page (not back/forward):
 * - choosing something new frames it; a level opened from nothing remembers the camera it was
 *   opened from (`before.camera`), a level switched to another value keeps what it remembered;
 * - closing goes back to the camera remembered by the outermost level closed; without one (the
 *   address was opened with the selection) to the remaining selection, or the national view.
 */
export function selectionStep(before: ViewState, after: ViewState, returns: ReturnCameras): SelectionStep {
  const next: ReturnCameras = {};
  const closed: SelectionLevel[] = [];
  let opened = false;
  for (const level of SELECTION_LEVELS) {
    const was = valueAt(before, level);
    const is = valueAt(after, level);
    if (is === null) {
      if (was !== null) closed.push(level);
      continue;
    }
    if (was === null) {
      next[level] = before.camera;
      opened = true;
    } else {
      if (level in returns) next[level] = returns[level] ?? null;
      if (was !== is) opened = true;
    }
  }
  if (opened) return { returns: next, move: { kind: 'fit' } };
  if (closed.length === 0) return { returns: next, move: null };
  const outermost = closed.find((level) => level in returns);
  if (outermost !== undefined) return { returns: next, move: { kind: 'camera', camera: returns[outermost] ?? null } };
  return { returns: next, move: currentSelection(after) === null ? { kind: 'camera', camera: null } : { kind: 'fit' } };
}

const RETURNS_KEY = 'marsadReturns';

/** The return cameras kept in a history entry's state (`{}` when there are none or they are malformed). */
export function readReturns(historyState: unknown): ReturnCameras {
  if (typeof historyState !== 'object' || historyState === null) return {};
  const stored = (historyState as Record<string, unknown>)[RETURNS_KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  const returns: ReturnCameras = {};
  for (const level of SELECTION_LEVELS) {
    const camera = (stored as Record<string, unknown>)[level];
    if (camera === null) returns[level] = null;
    else if (isCamera(camera)) returns[level] = { zoom: camera.zoom, lat: camera.lat, lon: camera.lon };
  }
  return returns;
}

/** A history entry's state with these return cameras, keeping whatever else it holds. */
export function withReturns(historyState: unknown, returns: ReturnCameras): Record<string, unknown> {
  const base = typeof historyState === 'object' && historyState !== null ? (historyState as Record<string, unknown>) : {};
  return { ...base, [RETURNS_KEY]: returns };
}

function isCamera(value: unknown): value is Camera {
  if (typeof value !== 'object' || value === null) return false;
  const { zoom, lat, lon } = value as Record<string, unknown>;
  return [zoom, lat, lon].every((n) => typeof n === 'number' && Number.isFinite(n));
}
