import { describe, expect, it } from 'vitest';
import type { PlanTarget, PlanVersion } from './planningApi.ts';
import { changedLines, defaultComparison } from './versionDiff.ts';

const line = (governorate: string, indicator: string, quarters: PlanTarget['quarters'], sector: PlanTarget['sector'] = null): PlanTarget => ({ governorate, indicator, sector, quarters });

const version = (number: number, status: PlanVersion['status']): PlanVersion => ({
  number,
  status,
  note: null,
  version: 1,
  created_by: null,
  created_at: '2026-01-01T00:00:00Z',
  approved_by: null,
  approved_at: null,
  targets: 0,
});

describe('comparing two versions of a plan', () => {
  it('lists the lines whose quarters changed, and only those', () => {
    const original = [line('SY-DI', 'service_centres_opened', [1, 2, 3, 4]), line('SY-HL', 'service_centres_opened', [0, 1, 2, 3])];
    const revised = [line('SY-DI', 'service_centres_opened', [1, 2, 3, 4]), line('SY-HL', 'service_centres_opened', [0, 1, 2, 5])];
    expect(changedLines(original, revised)).toEqual([
      { key: 'SY-HL|service_centres_opened|', governorate: 'SY-HL', indicator: 'service_centres_opened', sector: null, before: [0, 1, 2, 3], after: [0, 1, 2, 5] },
    ]);
  });

  it('shows lines added and removed, told apart by sector, in a stable order', () => {
    const original = [line('SY-DI', 'projects', [1, 1, 1, 1], 'water'), line('SY-AL', 'projects', [2, 2, 2, 2])];
    const revised = [line('SY-DI', 'projects', [1, 1, 1, 1], 'health'), line('SY-AL', 'projects', [2, 2, 2, 2])];
    expect(changedLines(original, revised).map((c) => [c.key, c.before, c.after])).toEqual([
      ['SY-DI|projects|health', null, [1, 1, 1, 1]],
      ['SY-DI|projects|water', [1, 1, 1, 1], null],
    ]);
  });

  it('finds nothing between equal versions', () => {
    const lines = [line('SY-DI', 'a', [1, 2, 3, 4])];
    expect(changedLines(lines, [...lines])).toEqual([]);
  });

  it('compares the approved version with the one it superseded, else the draft with the approved one', () => {
    expect(defaultComparison([version(3, 'approved'), version(2, 'superseded'), version(1, 'superseded')])).toEqual({ before: 2, after: 3 });
    expect(defaultComparison([version(2, 'draft'), version(1, 'approved')])).toEqual({ before: 1, after: 2 });
    expect(defaultComparison([version(1, 'draft')])).toBeNull();
  });
});
