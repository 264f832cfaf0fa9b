import { describe, expect, it } from 'vitest';
import { briefFileName, briefPdfUrl } from './briefLinks.ts';

describe('brief links', () => {
  it('points at the governorate and country briefs in the language asked', () => {
    expect(briefPdfUrl({ kind: 'governorate', code: 'SY-DI' }, 'ar')).toBe('/api/briefs/governorates/SY-DI.pdf?lang=ar');
    expect(briefPdfUrl({ kind: 'country', iso3: 'LBY' }, 'en')).toBe('/api/briefs/countries/LBY.pdf?lang=en');
    expect(briefFileName({ kind: 'governorate', code: 'LY-MI' }, 'en')).toBe('marsad-brief-LY-MI-en.pdf');
  });
});
