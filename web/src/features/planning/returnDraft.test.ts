import { describe, expect, it } from 'vitest';
import { readNumber, validateReturn } from './returnDraft.ts';

const target = { indicator: 'solid_waste_collected', governorate: 'SY-DI', period: '2026-11', isRate: true };

describe('the returns form', () => {
  it('reads numbers typed with Arabic-Indic digits or a decimal comma', () => {
    expect(readNumber('١٢٫٥')).toBe(12.5);
    expect(readNumber(' 12,5 ')).toBe(12.5);
    expect(readNumber('0')).toBe(0);
    expect(readNumber('')).toBeNull();
    expect(readNumber('-3')).toBeNull();
    expect(readNumber('12 t')).toBeNull();
  });

  it('needs a denominator above zero for a rate, and none otherwise', () => {
    expect(validateReturn({ value: '45', denominator: '0', note: '' }, target)).toEqual({ ok: false, errors: { denominator: 'denominator' } });
    expect(validateReturn({ value: 'x', denominator: '', note: '' }, target)).toEqual({ ok: false, errors: { value: 'number', denominator: 'denominator' } });
    expect(validateReturn({ value: '45', denominator: '60', note: ' weighbridge ' }, target)).toEqual({
      ok: true,
      body: { indicator: 'solid_waste_collected', governorate: 'SY-DI', period: '2026-11', value: 45, denominator: 60, note: 'weighbridge' },
    });
    expect(validateReturn({ value: '7', denominator: 'ignored', note: '' }, { ...target, isRate: false })).toEqual({
      ok: true,
      body: { indicator: 'solid_waste_collected', governorate: 'SY-DI', period: '2026-11', value: 7 },
    });
  });
});
