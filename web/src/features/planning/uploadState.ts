import type { CellError, TargetsUploadReport } from './planningApi.ts';

export type UploadAction = 'check' | 'apply';

/** What the targets upload is doing or has just done. */
export type UploadActivity =
  | { kind: 'idle' }
  | { kind: 'sending'; action: UploadAction }
  | { kind: 'applied'; lines: number }
  | { kind: 'refused'; action: UploadAction; conflict: boolean; text: string; errors: CellError[] };

export interface UploadState {
  file: File | null;
  /** The dry run of exactly this file against the draft as it was; null once either changes. */
  report: TargetsUploadReport | null;
  activity: UploadActivity;
}

export type UploadEvent =
  | { type: 'choose'; file: File }
  | { type: 'start'; action: UploadAction }
  | { type: 'checked'; report: TargetsUploadReport }
  | { type: 'applied'; report: TargetsUploadReport }
  | { type: 'refused'; action: UploadAction; conflict: boolean; text: string; errors: CellError[] };

export const INITIAL_UPLOAD: UploadState = { file: null, report: null, activity: { kind: 'idle' } };

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'choose':
      return { file: event.file, report: null, activity: { kind: 'idle' } };
    case 'start':
      return { ...state, report: event.action === 'check' ? null : state.report, activity: { kind: 'sending', action: event.action } };
    case 'checked':
      return { ...state, report: event.report, activity: { kind: 'idle' } };
    case 'applied':
      // The draft now holds these targets (and a new version): applying the same check again would be stale.
      return { ...state, report: null, activity: { kind: 'applied', lines: event.report.lines } };
    case 'refused':
      // A refusal means the check no longer holds: the draft changed (409) or the file has bad cells.
      return { ...state, report: null, activity: { kind: 'refused', action: event.action, conflict: event.conflict, text: event.text, errors: event.errors } };
  }
}

export const isSending = (state: UploadState): boolean => state.activity.kind === 'sending';

/** Whether the checked file holds no bad cell. */
export const isClean = (report: TargetsUploadReport | null): report is TargetsUploadReport => report !== null && report.ok && report.errors.length === 0;

export const canCheck = (state: UploadState): boolean => state.file !== null && !isSending(state);

/** Apply only after a clean dry run of this very file, and never twice at once. */
export const canApply = (state: UploadState): boolean => state.file !== null && !isSending(state) && isClean(state.report);
