import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/http.ts';
import { writeFailure } from './writeFailure.ts';

const isField = (name: string) => name === 'plot_number' || name === 'planned_jobs';
const problem = (status: number | null, detail: string, errors?: { parameter: string; message: string }[]) =>
  new ProblemError('/api/zones/1/plots', status, detail, errors === undefined ? { detail } : { detail, errors });

describe('where a failed write is told', () => {
  it('tells a stale version as a conflict, and a taken plot number beside its field', () => {
    expect(writeFailure(problem(409, 'The plot changed since version 3'), isField)).toEqual({ kind: 'conflict' });
    expect(writeFailure(problem(409, 'taken', [{ parameter: 'plot_number', message: 'plot A-1 exists in this zone' }]), isField)).toEqual({
      kind: 'fields',
      fields: { plot_number: 'plot A-1 exists in this zone' },
      detail: null,
    });
  });

  it('puts field errors beside their fields and the others in the banner', () => {
    const failure = writeFailure(
      problem(400, 'Invalid', [
        { parameter: 'planned_jobs', message: 'must be at most 100,000' },
        { parameter: 'geometry', message: 'overlaps plot 12' },
      ]),
      isField,
    );
    expect(failure).toEqual({ kind: 'fields', fields: { planned_jobs: 'must be at most 100,000' }, detail: 'geometry: overlaps plot 12' });
    expect(writeFailure(problem(400, 'The plot lies outside the zone', [{ parameter: 'geometry', message: 'outside' }]), isField)).toEqual({
      kind: 'refused',
      detail: 'The plot lies outside the zone',
    });
  });

  it('knows no answer, a refusal of rights, and anything else', () => {
    expect(writeFailure(problem(null, 'no answer'), isField)).toEqual({ kind: 'offline' });
    expect(writeFailure(problem(403, 'Not your governorate'), isField)).toEqual({ kind: 'forbidden', detail: 'Not your governorate' });
    expect(writeFailure(problem(500, 'Internal'), isField)).toEqual({ kind: 'failed', detail: 'Internal' });
    expect(writeFailure(new Error('boom'), isField)).toEqual({ kind: 'failed', detail: 'boom' });
  });
});
