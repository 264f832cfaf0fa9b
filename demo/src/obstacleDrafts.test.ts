import { ESCALATION_LEVELS } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { toDay } from './days.ts';
import { draftObstacle, isActiveAt, levelAt, levelIndex, MS_PER_DAY, pullTo, statusAt, type ObstacleProject } from './obstacleDrafts.ts';
import { Random } from './random.ts';

const today = toDay('2026-11-01');
const project = (n: number, status: ObstacleProject['status'] = 'in_progress'): ObstacleProject => ({
  id: n, code: `SY-DI-2025-${String(n).padStart(4, '0')}`, status, areaId: 1, areaCode: 'SY-DI', country: 'SYR',
  created: today - 600, plannedEnd: today - 30, sharedWithUndp: false,
});

describe('draftObstacle', () => {
  it('tells stories that end by today: raised in the year, climbing one level at a time, before it ended', () => {
    let ended = 0;
    let climbed = 0;
    for (let i = 0; i < 400; i++) {
      const draft = draftObstacle(new Random(i), project(i), today)!;
      expect(draft.raised).toBeGreaterThanOrEqual((today - 365) * MS_PER_DAY);
      expect(draft.raised).toBeLessThan(today * MS_PER_DAY);
      let previous = draft.raised;
      draft.steps.forEach((step, n) => {
        expect(step.from).toBe(ESCALATION_LEVELS[n]);
        expect(levelIndex(step.to)).toBe(n + 1);
        expect(step.at).toBeGreaterThan(previous);
        previous = step.at;
      });
      if (draft.end) {
        ended++;
        expect(draft.end.at).toBeGreaterThan(previous);
        expect(draft.end.at).toBeLessThan(today * MS_PER_DAY);
        expect(draft.end.note.length).toBeGreaterThan(3);
      }
      if (draft.steps.length > 0) climbed++;
    }
    expect(ended).toBeGreaterThan(100);
    expect(ended).toBeLessThan(350);
    expect(climbed).toBeGreaterThan(80);
  });

  it('keeps a suspended project’s obstacle active, and leaves out projects too new to have one', () => {
    for (let i = 0; i < 50; i++) expect(draftObstacle(new Random(i), project(i, 'suspended'), today, { mustBeActive: true })!.end).toBeNull();
    expect(draftObstacle(new Random(1), { ...project(1), created: today - 5 }, today)).toBeNull();
  });
});

describe('pullTo', () => {
  it('has the obstacle stand at the level asked for at that time, active through the meeting', () => {
    for (let i = 0; i < 100; i++) {
      const draft = draftObstacle(new Random(i), project(i), today, { earliest: today - 300, latest: today - 200, interMinisterial: true })!;
      const frozen = (today - 60) * MS_PER_DAY;
      const held = frozen + 7 * MS_PER_DAY;
      pullTo(new Random(i), draft, 'inter_ministerial', frozen, held, today);
      expect(levelAt(draft, frozen)).toBe('inter_ministerial');
      expect(levelAt(draft, draft.raised)).toBe('governorate');
      expect(draft.steps.map((s) => s.to)).toEqual(['directorate', 'minister', 'inter_ministerial']);
      expect(isActiveAt(draft, frozen) && isActiveAt(draft, held)).toBe(true);
      expect(statusAt(draft, frozen)).toBe(draft.activeStatus); // past its first week
      expect(draft.steps.every((s, n) => s.at > (draft.steps[n - 1]?.at ?? draft.raised) && s.at < frozen)).toBe(true);
      expect(draft.severity).not.toBe('low');
    }
  });
});
