import { describe, expect, it } from 'vitest';
import { canApply, canCheck, INITIAL_UPLOAD, uploadReducer, type UploadEvent, type UploadState } from './uploadState.ts';

const file = new File(['x'], 'targets.xlsx');
const run = (...events: UploadEvent[]): UploadState => events.reduce(uploadReducer, INITIAL_UPLOAD);
const clean = { ok: true, dry_run: true, applied: false, lines: 3, version: null, errors: [] };
const dirty = { ok: false, dry_run: true, applied: false, lines: 3, version: null, errors: [{ sheet: 'Targets', row: 4, column: 'F', cell: 'F4', message: 'must be a number' }] };

describe('uploading targets', () => {
  it('applies only after a clean check of the same file', () => {
    expect(canCheck(INITIAL_UPLOAD)).toBe(false);
    expect(canApply(run({ type: 'choose', file }))).toBe(false);
    expect(canApply(run({ type: 'choose', file }, { type: 'start', action: 'check' }, { type: 'checked', report: dirty }))).toBe(false);
    const checked = run({ type: 'choose', file }, { type: 'start', action: 'check' }, { type: 'checked', report: clean });
    expect(canApply(checked)).toBe(true);
    expect(canApply(uploadReducer(checked, { type: 'choose', file: new File(['y'], 'other.xlsx') }))).toBe(false);
  });

  it('sends one thing at a time', () => {
    const sending = run({ type: 'choose', file }, { type: 'start', action: 'check' });
    expect(canCheck(sending)).toBe(false);
    expect(canApply(uploadReducer(sending, { type: 'checked', report: clean }))).toBe(true);
  });

  it('forgets the check once applied, or when someone else changed the draft', () => {
    const checked = run({ type: 'choose', file }, { type: 'start', action: 'check' }, { type: 'checked', report: clean });
    const applied = run({ type: 'choose', file }, { type: 'start', action: 'check' }, { type: 'checked', report: clean }, { type: 'start', action: 'apply' }, { type: 'applied', report: clean });
    expect(applied.activity).toEqual({ kind: 'applied', lines: 3 });
    expect(canApply(applied)).toBe(false);
    const conflict = uploadReducer(checked, { type: 'refused', action: 'apply', conflict: true, text: 'changed', errors: [] });
    expect(canApply(conflict)).toBe(false);
    expect(canCheck(conflict)).toBe(true);
  });
});
