import { describe, expect, it } from 'vitest';
import { EMPTY_ACCOUNT_DRAFT } from './accountDraft.ts';
import { draftChanged } from './draftChanged.ts';
import { EMPTY_ORGANIZATION_DRAFT } from './organizationDraft.ts';

describe('a changed draft', () => {
  it('is one with any field typed, chosen or ticked', () => {
    expect(draftChanged(EMPTY_ACCOUNT_DRAFT, { ...EMPTY_ACCOUNT_DRAFT })).toBe(false);
    expect(draftChanged(EMPTY_ACCOUNT_DRAFT, { ...EMPTY_ACCOUNT_DRAFT, display_name: 'م' })).toBe(true);
    expect(draftChanged(EMPTY_ACCOUNT_DRAFT, { ...EMPTY_ACCOUNT_DRAFT, role: 'engineer' })).toBe(true);
    expect(draftChanged(EMPTY_ACCOUNT_DRAFT, { ...EMPTY_ACCOUNT_DRAFT, disabled: true })).toBe(true);
    expect(draftChanged(EMPTY_ORGANIZATION_DRAFT, { ...EMPTY_ORGANIZATION_DRAFT, country: 'SYR' })).toBe(true);
  });

  it('is not one whose choices only changed order', () => {
    const start = { ...EMPTY_ACCOUNT_DRAFT, governorates: ['SY-DI', 'SY-HM'] };
    expect(draftChanged(start, { ...start, governorates: ['SY-HM', 'SY-DI'] })).toBe(false);
    expect(draftChanged(start, { ...start, governorates: ['SY-HM'] })).toBe(true);
    expect(draftChanged(start, { ...start, governorates: ['SY-HM', 'SY-AL'] })).toBe(true);
  });
});
