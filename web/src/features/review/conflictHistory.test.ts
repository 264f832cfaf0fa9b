import type { HistoryEntry } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { conflictEvent } from './conflictHistory.ts';

const entry = (action: HistoryEntry['action'], from: Record<string, unknown> | null, to: Record<string, unknown> | null, table = 'field_conflicts'): HistoryEntry => ({
  at: '2026-12-03T10:00:00Z',
  actor: 'Engineer',
  action,
  table,
  from,
  to,
});

describe("a conflict's entries in a project's history", () => {
  it('reads the insert as the write held, with what it proposed beside what the writer saw', () => {
    const held = conflictEvent(
      entry('insert', null, {
        kind: 'progress_report',
        state: 'pending',
        base: { status: 'in_progress', physical_progress: 40 },
        proposed: { status: 'in_progress', physical_progress: 45 },
        note: 'site visit',
      }),
    );
    expect(held).toEqual({
      event: 'held',
      kind: 'progress_report',
      values: [
        { field: 'physical_progress', from: 40, to: 45 },
        { field: 'status', from: 'in_progress', to: 'in_progress' },
      ],
      note: 'site visit',
      decisionNote: null,
    });
  });

  it('reads a change of state as the decision, with its note', () => {
    expect(conflictEvent(entry('update', { kind: 'project_edit', state: 'pending' }, { kind: 'project_edit', state: 'rejected', decision_note: 'older than the survey' }))).toEqual({
      event: 'rejected',
      kind: 'project_edit',
      values: [],
      note: null,
      decisionNote: 'older than the survey',
    });
    expect(conflictEvent(entry('update', { state: 'pending' }, { state: 'accepted', decision_note: '' }))?.event).toBe('accepted');
  });

  it('anything else of the table is a change; other tables are not its business', () => {
    expect(conflictEvent(entry('update', { state: 'pending', note: 'a' }, { state: 'pending', note: 'b' }))?.event).toBe('changed');
    expect(conflictEvent(entry('insert', null, { kind: 'other' }))?.kind).toBeNull();
    expect(conflictEvent(entry('insert', null, { status: 'x' }, 'projects'))).toBeNull();
  });
});
