import type { DryRun, Imported, RowError } from './importApi.ts';

export type ImportAction = 'check' | 'commit';

/** What the dialog is doing or has just done. */
export type Activity =
  | { kind: 'idle' }
  | { kind: 'sending'; action: ImportAction; sent: number; total: number }
  | { kind: 'refused'; action: ImportAction; reason: Refusal }
  | { kind: 'imported'; result: Imported };

/** Why the API (or the page, for an oversized file) did not take the file. */
export type Refusal =
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'problem'; status: number; detail: string; errors: RowError[] }
  | { kind: 'noAnswer' };

export interface ImportState {
  file: File | null;
  repair: boolean;
  /** The dry run of exactly this file with this repair option; null once either changes. */
  dryRun: DryRun | null;
  activity: Activity;
}

export type ImportEvent =
  | { type: 'choose'; file: File }
  | { type: 'setRepair'; repair: boolean }
  | { type: 'start'; action: ImportAction }
  | { type: 'progress'; sent: number; total: number }
  | { type: 'checked'; result: DryRun }
  | { type: 'imported'; result: Imported }
  | { type: 'refused'; action: ImportAction; reason: Refusal }
  | { type: 'cancelled' };

export const INITIAL_IMPORT_STATE: ImportState = { file: null, repair: false, dryRun: null, activity: { kind: 'idle' } };

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'choose':
      return { ...state, file: event.file, dryRun: null, activity: { kind: 'idle' } };
    case 'setRepair':
      return { ...state, repair: event.repair, dryRun: null, activity: { kind: 'idle' } };
    case 'start':
      // A new check forgets the old one; a commit keeps it, so a cancelled upload can be retried.
      return {
        ...state,
        dryRun: event.action === 'check' ? null : state.dryRun,
        activity: { kind: 'sending', action: event.action, sent: 0, total: state.file?.size ?? 0 },
      };
    case 'progress':
      return state.activity.kind === 'sending' ? { ...state, activity: { ...state.activity, sent: event.sent, total: event.total } } : state;
    case 'checked':
      return { ...state, dryRun: event.result, activity: { kind: 'idle' } };
    case 'imported':
      // The rows now exist: importing the same check again could only fail (or double them).
      return { ...state, dryRun: null, activity: { kind: 'imported', result: event.result } };
    case 'refused':
      // A refused commit means the earlier check no longer holds (a code was taken meanwhile, say).
      return { ...state, dryRun: null, activity: { kind: 'refused', action: event.action, reason: event.reason } };
    case 'cancelled':
      return { ...state, activity: { kind: 'idle' } };
  }
}

export const isSending = (state: ImportState): boolean => state.activity.kind === 'sending';

/** Whether every row of the checked file is valid. */
export const isClean = (dryRun: DryRun | null): dryRun is DryRun => dryRun !== null && dryRun.errors.length === 0 && dryRun.valid === dryRun.rows && dryRun.rows > 0;

export const canCheck = (state: ImportState): boolean => state.file !== null && !isSending(state);

/** Import only after a clean dry run of this very file, and never twice at once. */
export const canCommit = (state: ImportState): boolean => state.file !== null && !isSending(state) && isClean(state.dryRun);

/**
 * Once a commit's file is on the server, it is imported or not there: closing the dialog then
 * would not undo it, so the dialog stays until the answer comes.
 */
export const canClose = (state: ImportState): boolean =>
  !(state.activity.kind === 'sending' && state.activity.action === 'commit' && state.activity.sent >= state.activity.total && state.activity.total > 0);
