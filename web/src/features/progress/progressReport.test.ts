import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../account/session.ts';
import { allowedStatuses, canWriteProject, localIsoDay, validateProgress, type ProgressDraft } from './progressReport.ts';

const draft: ProgressDraft = { reported_on: '2026-03-01', status: 'in_progress', physical_progress: '40', financial_progress: '35.5', note: ' ok ' };

function user(role: SessionUser['role'], governorates: string[] = []): SessionUser {
  return { id: 1, email: 'x@marsad.demo', display_name: 'X', role, organization: 'mola', governorates };
}

describe('allowedStatuses', () => {
  it('puts the current status first, then the lifecycle moves', () => {
    expect(allowedStatuses('planned')).toEqual(['planned', 'tendering', 'in_progress', 'suspended', 'cancelled']);
    expect(allowedStatuses('in_progress')).toEqual(['in_progress', 'suspended', 'completed', 'cancelled']);
    expect(allowedStatuses('suspended')).toEqual(['suspended', 'in_progress', 'cancelled']);
  });

  it('keeps final statuses final and knows no unknown status', () => {
    expect(allowedStatuses('completed')).toEqual(['completed']);
    expect(allowedStatuses('cancelled')).toEqual(['cancelled']);
    expect(allowedStatuses('demolished')).toEqual([]);
  });
});

describe('canWriteProject', () => {
  it('lets admins write everything and engineers their governorates only', () => {
    expect(canWriteProject(user('admin'), 'SY-HL')).toBe(true);
    expect(canWriteProject(user('engineer', ['SY-DI']), 'SY-DI')).toBe(true);
    expect(canWriteProject(user('engineer', ['SY-DI']), 'SY-HL')).toBe(false);
    expect(canWriteProject(user('donor'), 'SY-DI')).toBe(false);
    expect(canWriteProject(user('minister'), 'SY-DI')).toBe(false);
    expect(canWriteProject(null, 'SY-DI')).toBe(false);
  });
});

describe('validateProgress', () => {
  it('turns a good draft into a report, trimming the note', () => {
    expect(validateProgress(draft, 'in_progress', '2026-03-01')).toEqual({
      ok: true,
      report: { reported_on: '2026-03-01', status: 'in_progress', physical_progress: 40, financial_progress: 35.5, note: 'ok' },
    });
  });

  it('leaves an empty note out', () => {
    const result = validateProgress({ ...draft, note: '   ' }, 'in_progress', '2026-03-01');
    expect(result.ok && 'note' in result.report).toBe(false);
  });

  it('names each wrong field', () => {
    const result = validateProgress(
      { reported_on: '2026-02-30', status: 'planned', physical_progress: '101', financial_progress: '', note: 'x'.repeat(4001) },
      'in_progress',
      '2026-03-01',
    );
    expect(result).toEqual({
      ok: false,
      errors: { reported_on: 'date', status: 'status', physical_progress: 'percent', financial_progress: 'percent', note: 'noteLength' },
    });
  });

  it('refuses a date in the future and negative or non-numeric percentages', () => {
    const result = validateProgress({ ...draft, reported_on: '2026-03-02', physical_progress: '-1', financial_progress: 'abc' }, 'in_progress', '2026-03-01');
    expect(result).toEqual({ ok: false, errors: { reported_on: 'future', physical_progress: 'percent', financial_progress: 'percent' } });
  });
});

describe('localIsoDay', () => {
  it('writes the local calendar day with zero padding', () => {
    expect(localIsoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
