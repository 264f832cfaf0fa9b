import { Obstacle, type SessionUser } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import {
  canRaiseObstacle,
  changeDraftOf,
  checkEscalation,
  checkNewObstacle,
  checkObstacleChange,
  countObstacles,
  emptyNewObstacle,
  escalationDraftOf,
  levelsAbove,
  mostSevere,
  obstacleActions,
  sortObstacles,
} from './obstacleRules.ts';

/** An obstacle as the API sends it (parsed by the contract, so the fixture cannot drift from it). */
function obstacle(patch: Partial<Obstacle> = {}): Obstacle {
  return Obstacle.parse({
    id: 1,
    project: { id: 10, code: 'SY-DI-2026-0101', title_ar: 'مشروع', title_en: 'Project', kind: 'road', status: 'ongoing', governorate: 'SY-DI' },
    title: 'Land not handed over',
    description: null,
    category: 'land',
    responsible_body: null,
    severity: 'medium',
    estimated_delay_days: null,
    level: 'governorate',
    level_since: '2026-10-01T08:00:00Z',
    status: 'open',
    target_date: null,
    is_overdue: false,
    raised_by: 'Engineer',
    raised_at: '2026-10-01T08:00:00Z',
    ended_at: null,
    resolution_note: null,
    must_act: { level: 'governorate', role: 'governorate_engineers', body: null },
    proposal: null,
    may_edit: true,
    may_escalate: true,
    version: 3,
    ...patch,
  });
}

const user = (role: SessionUser['role'], governorates: string[] = []): SessionUser => ({ id: 1, email: 'x@marsad.demo', display_name: 'X', role, organization: 'ministry-syr', governorates });

describe('canRaiseObstacle', () => {
  it('offers raising to admins, ministers and planners anywhere, engineers in their governorates only', () => {
    expect(canRaiseObstacle(null, 'SY-DI')).toBe(false);
    expect(canRaiseObstacle(user('admin'), 'SY-DI')).toBe(true);
    expect(canRaiseObstacle(user('minister'), 'LY-MI')).toBe(true);
    expect(canRaiseObstacle(user('planner'), 'LY-MI')).toBe(true);
    expect(canRaiseObstacle(user('engineer', ['SY-DI']), 'SY-DI')).toBe(true);
    expect(canRaiseObstacle(user('engineer', ['SY-DI']), 'SY-HL')).toBe(false);
    expect(canRaiseObstacle(user('viewer'), 'SY-DI')).toBe(false);
    expect(canRaiseObstacle(user('donor'), 'SY-DI')).toBe(false);
  });
});

describe('sortObstacles', () => {
  it('lists active ones first, then by severity, overdue, level, age', () => {
    const list = [
      obstacle({ id: 1, status: 'resolved', severity: 'critical', resolution_note: 'done' }),
      obstacle({ id: 2, severity: 'low' }),
      obstacle({ id: 3, severity: 'critical', raised_at: '2026-11-01T00:00:00Z' }),
      obstacle({ id: 4, severity: 'critical', raised_at: '2026-09-01T00:00:00Z' }),
      obstacle({ id: 5, severity: 'high', is_overdue: true }),
      obstacle({ id: 6, severity: 'high', level: 'minister' }),
      obstacle({ id: 7, severity: 'high' }),
    ];
    expect(sortObstacles(list).map((o) => o.id)).toEqual([4, 3, 5, 6, 7, 2, 1]);
  });
});

describe('obstacleActions', () => {
  it('follows the API’s flags, and offers no escalation at the top level or once ended', () => {
    expect(obstacleActions(obstacle())).toEqual({ edit: true, escalate: true });
    expect(obstacleActions(obstacle({ may_edit: false, may_escalate: false }))).toEqual({ edit: false, escalate: false });
    expect(obstacleActions(obstacle({ level: 'inter_ministerial' })).escalate).toBe(false);
    expect(obstacleActions(obstacle({ status: 'closed', resolution_note: 'ok' })).escalate).toBe(false);
    expect(levelsAbove('directorate')).toEqual(['minister', 'inter_ministerial']);
  });
});

describe('checkNewObstacle', () => {
  it('builds the body with nulls for what was left empty', () => {
    const draft = { ...emptyNewObstacle(), title: '  Electricity not connected ', severity: 'critical' as const, category: 'utilities' as const };
    expect(checkNewObstacle(draft, 10)).toEqual({
      ok: true,
      body: {
        project_id: 10,
        title: 'Electricity not connected',
        description: null,
        category: 'utilities',
        severity: 'critical',
        responsible_body_id: null,
        estimated_delay_days: null,
        target_date: null,
      },
    });
    const full = { ...draft, responsible_body_id: '4', estimated_delay_days: '30', target_date: '2027-01-15', description: 'Waiting for the grid' };
    const checked = checkNewObstacle(full, 10);
    expect(checked.ok && checked.body).toMatchObject({ responsible_body_id: 4, estimated_delay_days: 30, target_date: '2027-01-15', description: 'Waiting for the grid' });
  });

  it('says which fields are wrong', () => {
    const checked = checkNewObstacle({ ...emptyNewObstacle(), title: 'ab', estimated_delay_days: '2.5', target_date: '2027-02-30' }, 10);
    expect(checked).toEqual({ ok: false, errors: { title: 'title', estimated_delay_days: 'delay', target_date: 'targetDate' } });
    expect(checkNewObstacle({ ...emptyNewObstacle(), title: 'Valid title', estimated_delay_days: '-1' }, 10)).toEqual({ ok: false, errors: { estimated_delay_days: 'delay' } });
  });
});

describe('checkObstacleChange', () => {
  const o = obstacle({ responsible_body: { id: 4, kind: 'ministry', name_ar: 'وزارة الكهرباء', name_en: 'Ministry of Electricity' }, target_date: '2026-12-01' });

  it('sends only what changed, with the version read', () => {
    const draft = { ...changeDraftOf(o), status: 'in_progress' as const, target_date: '' };
    expect(checkObstacleChange(draft, o)).toEqual({ ok: true, body: { version: 3, status: 'in_progress', target_date: null } });
  });

  it('asks for a resolution note before resolving, closing or dropping', () => {
    for (const status of ['resolved', 'closed', 'dropped'] as const) {
      expect(checkObstacleChange({ ...changeDraftOf(o), status }, o)).toEqual({ ok: false, errors: { resolution_note: 'resolutionRequired' } });
    }
    const resolved = checkObstacleChange({ ...changeDraftOf(o), status: 'resolved', resolution_note: 'The grid is connected' }, o);
    expect(resolved).toEqual({ ok: true, body: { version: 3, status: 'resolved', resolution_note: 'The grid is connected' } });
  });

  it('needs a body to wait for, and refuses an edit that changes nothing', () => {
    expect(checkObstacleChange({ ...changeDraftOf(o), status: 'waiting_other_body', responsible_body_id: '' }, o)).toEqual({
      ok: false,
      errors: { responsible_body_id: 'bodyRequired' },
    });
    expect(checkObstacleChange(changeDraftOf(o), o)).toEqual({ ok: false, errors: { status: 'noChange' } });
  });
});

describe('escalation', () => {
  it('starts at the proposed level with the proposal as the reason, else the next level empty', () => {
    expect(escalationDraftOf(obstacle(), 'hint')).toEqual({ to_level: 'directorate', reason: '' });
    const proposed = obstacle({ severity: 'critical', proposal: { reason: 'critical_past_target', to_level: 'minister', days_at_level: 40, threshold_days: 0 } });
    expect(escalationDraftOf(proposed, 'Critical and past its target')).toEqual({ to_level: 'minister', reason: 'Critical and past its target' });
    expect(escalationDraftOf(obstacle({ level: 'inter_ministerial' }), '')).toEqual({ to_level: '', reason: '' });
  });

  it('needs a level above and a reason', () => {
    const o = obstacle({ level: 'directorate' });
    expect(checkEscalation({ to_level: 'minister', reason: '  The ministry of energy does not answer ' }, o)).toEqual({
      ok: true,
      body: { to_level: 'minister', reason: 'The ministry of energy does not answer', version: 3 },
    });
    expect(checkEscalation({ to_level: 'governorate', reason: 'ab' }, o)).toEqual({ ok: false, errors: { to_level: 'topLevel', reason: 'reason' } });
  });
});

describe('a governorate’s obstacles', () => {
  it('counts the active ones by level and severity and picks the most severe', () => {
    const list = [
      obstacle({ id: 1, severity: 'critical', level: 'minister', is_overdue: true }),
      obstacle({ id: 2, severity: 'low' }),
      obstacle({ id: 3, severity: 'high', level: 'directorate' }),
      obstacle({ id: 4, severity: 'critical', status: 'dropped', resolution_note: 'moot' }),
    ];
    const counts = countObstacles(list);
    expect(counts).toEqual({
      total: 3,
      overdue: 1,
      byLevel: { governorate: 1, directorate: 1, minister: 1, inter_ministerial: 0 },
      bySeverity: { low: 1, medium: 0, high: 1, critical: 1 },
    });
    expect(mostSevere(list, 2).map((o) => o.id)).toEqual([1, 3]);
  });
});
