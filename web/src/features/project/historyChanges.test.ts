import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../api/projects.ts';
import { historyChanges } from './historyChanges.ts';

const base: HistoryEntry = { at: '2026-03-01T10:00:00Z', actor: 'Eng. Damascus', action: 'update', table: 'projects', from: null, to: null };

describe('historyChanges', () => {
  it('lists only the fields an update changed, without bookkeeping columns', () => {
    const entry = {
      ...base,
      from: { status: 'planned', physical_progress: 10, version: 3, title_en: 'Road' },
      to: { status: 'in_progress', physical_progress: 25, version: 4, title_en: 'Road' },
    };
    expect(historyChanges(entry)).toEqual([
      { field: 'physical_progress', from: 10, to: 25 },
      { field: 'status', from: 'planned', to: 'in_progress' },
    ]);
  });

  it('shows every value of a new row as coming from nothing', () => {
    const entry: HistoryEntry = { ...base, action: 'insert', table: 'progress_updates', to: { id: 9, status: 'in_progress', note: null, physical_progress: 40 } };
    expect(historyChanges(entry)).toEqual([
      { field: 'physical_progress', from: null, to: 40 },
      { field: 'status', from: null, to: 'in_progress' },
    ]);
  });

  it('has nothing to say about an entry without values', () => {
    expect(historyChanges({ ...base, action: 'bulk_load' })).toEqual([]);
  });
});
