import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tabKeys.ts';

describe('tab keys', () => {
  it('moves with the arrows in reading order, wrapping around', () => {
    expect(tabAfterKey('ArrowRight', 0, 2, 'ltr')).toBe(1);
    expect(tabAfterKey('ArrowRight', 1, 2, 'ltr')).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 2, 'ltr')).toBe(1);
  });

  it('reverses the arrows right to left', () => {
    expect(tabAfterKey('ArrowLeft', 0, 3, 'rtl')).toBe(1);
    expect(tabAfterKey('ArrowRight', 0, 3, 'rtl')).toBe(2);
  });

  it('jumps to the ends with Home and End, and ignores other keys', () => {
    expect(tabAfterKey('Home', 2, 3, 'rtl')).toBe(0);
    expect(tabAfterKey('End', 0, 3, 'ltr')).toBe(2);
    expect(tabAfterKey('Enter', 0, 3, 'ltr')).toBeNull();
    expect(tabAfterKey('ArrowRight', 0, 0, 'ltr')).toBeNull();
  });
});
