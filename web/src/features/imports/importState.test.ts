import { describe, expect, it } from 'vitest';
import { rowErrorsOf } from './importApi.ts';
import { canClose, canCommit, canCheck, importReducer, INITIAL_IMPORT_STATE, type ImportEvent, type ImportState } from './importState.ts';

const file = (name: string) => new File(['{}'], name);
const run = (...events: ImportEvent[]): ImportState => events.reduce(importReducer, INITIAL_IMPORT_STATE);
const CLEAN = { rows: 2, valid: 2, errors: [] };
const DIRTY = { rows: 2, valid: 1, errors: [{ row: 2, field: 'title_en', message: 'Required' }] };

describe('the import steps', () => {
  it('checks only a chosen file, and imports only after a clean check', () => {
    expect(canCheck(INITIAL_IMPORT_STATE)).toBe(false);
    const chosen = run({ type: 'choose', file: file('a.geojson') });
    expect(canCheck(chosen)).toBe(true);
    expect(canCommit(chosen)).toBe(false);
    expect(canCommit(run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: DIRTY }))).toBe(false);
    expect(canCommit(run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: CLEAN }))).toBe(true);
    expect(canCommit(run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: { rows: 0, valid: 0, errors: [] } }))).toBe(false);
  });

  it('forgets the check when another file or the repair option is chosen', () => {
    const checked = run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: CLEAN });
    expect(canCommit(importReducer(checked, { type: 'choose', file: file('b.geojson') }))).toBe(false);
    expect(canCommit(importReducer(checked, { type: 'setRepair', repair: true }))).toBe(false);
  });

  it('allows one upload at a time, and no second import of the same check', () => {
    const checked = run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: CLEAN });
    const committing = importReducer(checked, { type: 'start', action: 'commit' });
    expect(canCheck(committing)).toBe(false);
    expect(canCommit(committing)).toBe(false);
    const imported = importReducer(committing, { type: 'imported', result: { created: 2, ids: [1, 2] } });
    expect(imported.activity).toEqual({ kind: 'imported', result: { created: 2, ids: [1, 2] } });
    expect(canCommit(imported)).toBe(false);
  });

  it('keeps the check when a commit upload is cancelled, and drops it when a commit is refused', () => {
    const committing = run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: CLEAN }, { type: 'start', action: 'commit' });
    expect(canCommit(importReducer(committing, { type: 'cancelled' }))).toBe(true);
    const refused = importReducer(committing, { type: 'refused', action: 'commit', reason: { kind: 'problem', status: 422, detail: '1 of 2', errors: DIRTY.errors } });
    expect(canCommit(refused)).toBe(false);
  });

  it('may not be closed once a commit has reached the server', () => {
    const committing = run({ type: 'choose', file: file('a.geojson') }, { type: 'checked', result: CLEAN }, { type: 'start', action: 'commit' });
    expect(canClose(importReducer(committing, { type: 'progress', sent: 10, total: 100 }))).toBe(true);
    expect(canClose(importReducer(committing, { type: 'progress', sent: 100, total: 100 }))).toBe(false);
    const checking = run({ type: 'choose', file: file('a.geojson') }, { type: 'start', action: 'check' }, { type: 'progress', sent: 100, total: 100 });
    expect(canClose(checking)).toBe(true);
  });

  it('reads the row errors of a refused commit', () => {
    const problem = { detail: '1 of 2 rows are invalid', errors: [{ row: 2, field: 'code', message: 'is taken', parameter: 'row 2: code' }, { parameter: 'x' }] };
    expect(rowErrorsOf(problem)).toEqual([{ row: 2, field: 'code', message: 'is taken' }]);
    expect(rowErrorsOf({})).toEqual([]);
  });
});
