import type { Plot } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { allowedTargets, statusSegments } from './plotStatus.ts';
import { initialDraft, statusChangeBody } from './statusChange.ts';

const plot = (id: number, status: Plot['status']): Plot => ({
  id,
  zone_id: 1,
  plot_number: `A-${id}`,
  area_m2: 1000,
  activity: null,
  status,
  allocated_on: null,
  planned_jobs: null,
  actual_jobs: null,
  planned_investment: null,
  actual_investment: null,
  note: null,
  version: id + 1,
});

describe('plot status targets', () => {
  it('offers what every chosen plot may go to: forward with skips, or back to vacant', () => {
    expect(allowedTargets(['vacant'])).toEqual(['reserved', 'allocated', 'under_construction', 'producing']);
    expect(allowedTargets(['reserved', 'allocated'])).toEqual(['vacant', 'under_construction', 'producing']);
    expect(allowedTargets(['producing'])).toEqual(['vacant']);
    expect(allowedTargets(['vacant', 'producing'])).toEqual([]);
    expect(allowedTargets([])).toEqual([]);
  });

  it('shares plots by status in lifecycle order', () => {
    const segments = statusSegments({ vacant: 3, producing: 1 });
    expect(segments.map((s) => s.status)).toEqual(['vacant', 'reserved', 'allocated', 'under_construction', 'producing']);
    expect(segments.map((s) => s.share)).toEqual([75, 0, 0, 0, 25]);
    expect(statusSegments({}).every((s) => s.share === 0)).toBe(true);
  });
});

describe('the status change request', () => {
  const today = '2026-12-02';

  it('allocates vacant plots to a new investor, dated, with the versions read', () => {
    const plots = [plot(1, 'vacant'), plot(2, 'vacant')];
    const draft = { ...initialDraft(plots, today), status: 'allocated' as const, investorChoice: 'new' as const };
    expect(statusChangeBody(plots, draft)).toEqual({ problem: 'nameRequired' });
    draft.newInvestor = { kind: 'company', name_ar: ' شركة النسيج ', name_en: '', phone: '' };
    expect(statusChangeBody(plots, draft)).toEqual({
      body: {
        plots: [{ id: 1, version: 2 }, { id: 2, version: 3 }],
        status: 'allocated',
        new_investor: { kind: 'company', name_ar: 'شركة النسيج', name_en: null, phone: null },
        allocated_on: today,
      },
    });
  });

  it('needs an investor for vacant plots, but lets held plots keep theirs', () => {
    const vacant = [plot(1, 'vacant')];
    expect(initialDraft(vacant, today)).toMatchObject({ status: 'reserved', investorChoice: 'existing' });
    expect(statusChangeBody(vacant, initialDraft(vacant, today))).toEqual({ problem: 'chooseInvestor' });
    expect(statusChangeBody(vacant, { ...initialDraft(vacant, today), investorId: 9 })).toEqual({
      body: { plots: [{ id: 1, version: 2 }], status: 'reserved', investor_id: 9 },
    });
    const held = [plot(3, 'allocated')];
    expect(initialDraft(held, today)).toMatchObject({ status: 'under_construction', investorChoice: 'keep' });
    expect(statusChangeBody(held, initialDraft(held, today))).toEqual({
      body: { plots: [{ id: 3, version: 4 }], status: 'under_construction', allocated_on: today },
    });
  });

  it('needs a note to withdraw, and refuses a status not every plot may take', () => {
    const held = [plot(3, 'producing')];
    const draft = { ...initialDraft(held, today), status: 'vacant' as const };
    expect(statusChangeBody(held, draft)).toEqual({ problem: 'noteRequired' });
    expect(statusChangeBody(held, { ...draft, note: 'investor left' })).toEqual({
      body: { plots: [{ id: 3, version: 4 }], status: 'vacant', note: 'investor left' },
    });
    expect(statusChangeBody(held, { ...draft, status: 'allocated' })).toEqual({ problem: 'noTarget' });
    expect(statusChangeBody([plot(1, 'vacant'), plot(2, 'producing')], initialDraft([plot(1, 'vacant')], today))).toEqual({ problem: 'noTarget' });
  });
});
