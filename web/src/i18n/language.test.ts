import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, otherLanguage } from './language.ts';

describe('language', () => {
  it('defaults to Arabic, written right to left', () => {
    expect(DEFAULT_LANGUAGE).toBe('ar');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });

  it('recognises only the supported languages', () => {
    expect(isLanguage('ar')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage('AR')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('toggles between the two languages', () => {
    expect(otherLanguage('ar')).toBe('en');
    expect(otherLanguage('en')).toBe('ar');
  });
});
