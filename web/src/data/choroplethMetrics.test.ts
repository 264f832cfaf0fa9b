import { describe, expect, it } from 'vitest';
import type { Metrics } from '../api/summaries.ts';
import { metricValue } from './choroplethMetrics.ts';

const metrics: Metrics = {
  projects: 8,
  by_status: { planned: 1, tendering: 1, in_progress: 4, suspended: 0, completed: 2, cancelled: 0 },
  budget_total: 1000,
  budget_spent: 400,
  progress_weighted: 41.5,
  delayed: 2,
  stale: 1,
  last_update_on: '2025-01-01',
};

describe('metricValue', () => {
  it('reads each metric', () => {
    expect(metricValue('progress', metrics)).toBe(41.5);
    expect(metricValue('delayed', metrics)).toBe(25);
    expect(metricValue('projects', metrics)).toBe(8);
    expect(metricValue('spent', metrics)).toBe(400);
  });

  it('has no value for a governorate without projects', () => {
    expect(metricValue('projects', { ...metrics, projects: 0 })).toBeNull();
  });
});
