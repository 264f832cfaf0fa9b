import { describe, expect, it } from 'vitest';
import { FRAME_EDGE, framePadding, freeBox, moveDuration, openPanels, showsWell } from './selectionFraming.ts';

const desktop = { width: 1100, height: 844, rtl: true, narrow: false };

describe('framing a selection beside the panels', () => {
  it('lists the panels the view opens', () => {
    const none = { governorate: null, zone: null, project: null, zonesTable: null };
    expect(openPanels(none)).toEqual([]);
    expect(openPanels({ ...none, governorate: 'SY-DI' })).toEqual(['governorate']);
    expect(openPanels({ ...none, governorate: 'SY-DI', project: 3 })).toEqual(['governorate', 'project']);
    expect(openPanels({ ...none, governorate: 'SY-DI', zone: 2 })).toEqual(['zone']);
    expect(openPanels({ ...none, zonesTable: '-occupancy', project: 3 })).toEqual(['zones', 'project']);
  });

  it('keeps the governorate panel’s side free: the right in Arabic, the left in English', () => {
    expect(framePadding(desktop, ['governorate'])).toEqual({ top: FRAME_EDGE, bottom: FRAME_EDGE, left: FRAME_EDGE, right: FRAME_EDGE + 392 });
    expect(framePadding({ ...desktop, rtl: false }, ['governorate'])).toEqual({ top: FRAME_EDGE, bottom: FRAME_EDGE, left: FRAME_EDGE + 392, right: FRAME_EDGE });
  });

  it('puts the project drawer at the inline end, and both panels when both are open', () => {
    expect(framePadding(desktop, ['project'])).toMatchObject({ left: FRAME_EDGE + 440, right: FRAME_EDGE });
    expect(framePadding({ ...desktop, rtl: false }, ['governorate', 'project'])).toMatchObject({ left: FRAME_EDGE + 392, right: FRAME_EDGE + 440 });
  });

  it('frames above the bottom sheet on a phone', () => {
    const phone = { width: 360, height: 684, rtl: true, narrow: true };
    const padding = framePadding(phone, ['governorate']);
    expect(padding).toMatchObject({ left: FRAME_EDGE, right: FRAME_EDGE, top: 64 });
    expect(padding.bottom).toBe(Math.round(684 * 0.55) + FRAME_EDGE / 2);
    expect(framePadding(phone, [])).toMatchObject({ bottom: FRAME_EDGE });
  });

  it('always leaves some of the map for the outline', () => {
    const padding = framePadding({ width: 600, height: 400, rtl: false, narrow: false }, ['zones', 'project']);
    expect(600 - padding.left - padding.right).toBeGreaterThanOrEqual(119);
    expect(padding.left).toBeGreaterThan(0);
    expect(padding.right).toBeGreaterThan(0);
  });

  it('leaves a view that already shows the outline well, not one where it is tiny, off to the side or under a panel', () => {
    const free = freeBox(1100, 844, framePadding(desktop, ['governorate']));
    expect(showsWell([200, 200, 500, 500], free)).toBe(true);
    expect(showsWell([300, 300, 302, 302], free)).toBe(false);
    expect(showsWell([900, 300, 1000, 400], free)).toBe(false);
    expect(showsWell([-900, 100, 400, 700], free)).toBe(false);
  });

  it('jumps instead of flying with reduced motion', () => {
    expect(moveDuration(true)).toBe(0);
    expect(moveDuration(false)).toBeLessThanOrEqual(600);
  });
});
