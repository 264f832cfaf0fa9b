import { describe, expect, it } from 'vitest';
import {
  addDays,
  closingProblem,
  decisionDraftProblems,
  emptyDecisionDraft,
  emptyMeetingDraft,
  isCalendarDay,
  meetingDraftProblems,
  parseProjectCodes,
  splitMeetings,
  toNewDecision,
  toNewMeeting,
} from './meetingForms.ts';

describe('the new-meeting form', () => {
  const ready = { ...emptyMeetingDraft(), title_ar: 'اجتماع المحافظين', held_on: '2026-12-20', governorates: ['SY-DI'] };

  it('says what is missing before anything is sent', () => {
    expect(meetingDraftProblems(emptyMeetingDraft())).toEqual({ title_ar: 'title', held_on: 'dateMissing', governorates: 'scope' });
    expect(meetingDraftProblems(ready)).toEqual({});
    expect(meetingDraftProblems({ ...ready, held_on: '2026-02-30' })).toEqual({ held_on: 'date' });
    expect(meetingDraftProblems({ ...ready, title_en: 'ab' })).toEqual({ title_en: 'title' });
    expect(meetingDraftProblems({ ...ready, freeze_days: '61' })).toEqual({ freeze_days: 'freezeDays' });
    expect(meetingDraftProblems({ ...ready, freeze_days: '-1' })).toEqual({ freeze_days: 'freezeDays' });
    expect(meetingDraftProblems({ ...ready, freeze_days: '0' })).toEqual({});
    expect(meetingDraftProblems({ ...ready, project_codes: 'SY-DI-2026-0101, x y!' })).toEqual({ project_codes: 'projectCode' });
  });

  it('accepts projects instead of governorates as the scope', () => {
    expect(meetingDraftProblems({ ...ready, governorates: [], project_codes: 'sy-di-2026-0101' })).toEqual({});
  });

  it('reads project codes separated by commas, Arabic commas, spaces and lines, each once', () => {
    expect(parseProjectCodes(' sy-di-1, SY-DI-2،SY-DI-1\nly-mi-3 ;  ')).toEqual(['SY-DI-1', 'SY-DI-2', 'LY-MI-3']);
    expect(parseProjectCodes('')).toEqual([]);
  });

  it('sends the trimmed titles, the scope and the freeze days only when given', () => {
    expect(toNewMeeting({ ...ready, title_ar: '  اجتماع المحافظين ', project_codes: 'SY-DI-1' }, 'SYR', [7])).toEqual({
      country_iso3: 'SYR',
      level: 'minister',
      title_ar: 'اجتماع المحافظين',
      title_en: null,
      held_on: '2026-12-20',
      governorates: ['SY-DI'],
      project_ids: [7],
      organizations: [],
    });
    expect(toNewMeeting({ ...ready, freeze_days: '3', title_en: 'Governors' }, 'SYR', []).freeze_days).toBe(3);
  });
});

describe('the decision form', () => {
  const agenda = [{ obstacle_id: 31, project: { id: 5 } }];

  it('needs a text, an owner and a due date', () => {
    expect(decisionDraftProblems(emptyDecisionDraft())).toEqual({ text: 'decisionText', owner: 'owner', due_date: 'dateMissing' });
    expect(decisionDraftProblems({ text: 'Release the funds', owner: 'body:4', due_date: '2027-01-15', obstacle: '' })).toEqual({});
    expect(decisionDraftProblems({ text: 'Release the funds', owner: 'body:x', due_date: '2027-13-01', obstacle: '' })).toEqual({ owner: 'owner', due_date: 'date' });
  });

  it('names a body or a person, and takes the project of the obstacle chosen from the agenda', () => {
    expect(toNewDecision({ text: ' Release ', owner: 'body:4', due_date: '2027-01-15', obstacle: '31' }, agenda)).toEqual({
      text: 'Release',
      obstacle_id: 31,
      project_id: 5,
      owner_body_id: 4,
      owner_user_id: null,
      due_date: '2027-01-15',
    });
    expect(toNewDecision({ text: 'Visit', owner: 'user:9', due_date: '2027-01-15', obstacle: '' }, agenda)).toMatchObject({ obstacle_id: null, project_id: null, owner_body_id: null, owner_user_id: 9 });
  });

  it('refuses to close without a note', () => {
    expect(closingProblem('')).toBe('closingNote');
    expect(closingProblem('  ok ')).toBe('closingNote');
    expect(closingProblem('Funds released on 3 December')).toBeNull();
  });
});

describe('the meetings list', () => {
  it('puts scheduled meetings from today on first, soonest first, and the rest after, latest first', () => {
    const items = [
      { id: 1, held_on: '2026-11-01', status: 'held' as const },
      { id: 2, held_on: '2026-12-20', status: 'scheduled' as const },
      { id: 3, held_on: '2026-12-03', status: 'scheduled' as const },
      { id: 4, held_on: '2026-12-01', status: 'scheduled' as const },
      { id: 5, held_on: '2026-12-25', status: 'cancelled' as const },
    ];
    const { upcoming, past } = splitMeetings(items, '2026-12-03');
    expect(upcoming.map((m) => m.id)).toEqual([3, 2]);
    expect(past.map((m) => m.id)).toEqual([5, 4, 1]);
  });
});

describe('calendar days', () => {
  it('knows which days exist and counts days across months', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-1-01')).toBe(false);
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
    expect(addDays('2026-12-20', -7)).toBe('2026-12-13');
  });
});
