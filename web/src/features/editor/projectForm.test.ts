import { describe, expect, it } from 'vitest';
import { bodyFromForm, changedFields, EMPTY_FORM, formProblems, suggestedCodePrefix, type ProjectForm } from './projectForm.ts';

const valid: ProjectForm = {
  ...EMPTY_FORM,
  code: 'SY-DI-2026-0901',
  title_ar: 'شبكة مياه المزة',
  title_en: 'Mezzeh water network',
  budget: '250000',
  planned_start: '2026-01-01',
  planned_end: '2026-12-31',
};

describe('the project form', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(formProblems(valid)).toEqual({});
  });

  it('names each field the API would refuse', () => {
    const problems = formProblems({ ...valid, code: 'sy di', title_en: 'ab', budget: '-3', currency: 'usd', planned_end: '2025-12-31' });
    expect(problems).toEqual({ code: 'code', title_en: 'title', budget: 'budget', currency: 'currency', planned_end: 'endBeforeStart' });
    expect(formProblems({ ...valid, budget: 'lots' }).budget).toBe('budget');
  });

  it('sends empty text as null and the budget as a number', () => {
    const body = bodyFromForm({ ...valid, description_ar: '  ', planned_start: '' });
    expect(body).toMatchObject({ budget: 250000, description_ar: null, planned_start: null, is_published: false });
    expect(bodyFromForm({ ...valid, budget: ' ' }).budget).toBeNull();
  });

  it('sends only what changed for an edit', () => {
    expect(changedFields(valid, { ...valid, title_en: ' Mezzeh water network, phase 2 ', budget: '250000.0' })).toEqual({
      title_en: 'Mezzeh water network, phase 2',
    });
    expect(changedFields(valid, valid)).toEqual({});
    expect(changedFields(valid, { ...valid, description_en: 'New' })).toEqual({ description_en: 'New' });
  });

  it('suggests a code from the governorate and the year', () => {
    expect(suggestedCodePrefix('SY-DI', new Date(2026, 10, 22))).toBe('SY-DI-2026-');
  });

  it('checks the funders: each chosen once, with an amount', () => {
    const undp = { organization: 'undp', amount: '1000', currency: 'USD' };
    expect(formProblems({ ...valid, funding: [undp] })).toEqual({});
    expect(formProblems({ ...valid, funding: [{ ...undp, organization: '' }] }).funding).toBe('fundingOrganization');
    expect(formProblems({ ...valid, funding: [undp, { ...undp, amount: '5' }] }).funding).toBe('fundingDuplicate');
    expect(formProblems({ ...valid, funding: [{ ...undp, amount: '' }] }).funding).toBe('fundingAmount');
    expect(formProblems({ ...valid, funding: [{ ...undp, amount: '-1' }] }).funding).toBe('fundingAmount');
  });

  it('sends the funders as one whole list, and only when one of them changed', () => {
    const withFunder = { ...valid, funding: [{ organization: 'undp', amount: '1000', currency: 'EUR' }] };
    expect(bodyFromForm(withFunder).funding).toEqual([{ organization: 'undp', amount: 1000, currency: 'EUR' }]);
    expect(changedFields(withFunder, { ...withFunder, title_en: 'Mezzeh water network II' })).toEqual({ title_en: 'Mezzeh water network II' });
    const more = { ...withFunder, funding: [...withFunder.funding, { organization: 'giz', amount: '5', currency: 'EUR' }] };
    expect(changedFields(withFunder, more)).toEqual({
      funding: [
        { organization: 'undp', amount: 1000, currency: 'EUR' },
        { organization: 'giz', amount: 5, currency: 'EUR' },
      ],
    });
    expect(changedFields(withFunder, { ...withFunder, funding: [] })).toEqual({ funding: [] });
  });
});
