import type { BriefData, BriefProject } from '@marsad/contracts';

/**
 * A tiny brief (a square governorate, two projects, one zone, one obstacle) for the page's unit
 * tests. Its square is wound counter-clockwise, as RFC 7946 and PostGIS give it.
 */
export const SQUARE = { type: 'Polygon', coordinates: [[[36.2, 33.4], [36.4, 33.4], [36.4, 33.6], [36.2, 33.6], [36.2, 33.4]]] };

const project: BriefProject = {
  id: 1,
  code: 'SY-DI-0001',
  title_ar: 'تأهيل شبكة المياه في المزة',
  title_en: 'Mezzeh water network rehabilitation',
  kind: 'development_project',
  status: 'in_progress',
  governorate: 'SY-DI',
  physical_progress: 42.5,
  financial_progress: 38,
  planned_end: '2026-06-30',
  days_late: 156,
  last_update_on: '2026-10-01',
  days_since_update: 63,
};

export function tinyBrief(overrides: Partial<BriefData> = {}): BriefData {
  return {
    kind: 'governorate',
    language: 'ar',
    generated_at: '2026-12-03T06:00:00Z',
    data_as_of: '2026-12-02T21:15:00Z',
    requester: { display_name: 'Minister', organization_ar: 'وزارة الإدارة المحلية', organization_en: 'Ministry of Local Administration' },
    shared_only_with: null,
    country: { code: 'SYR', name_ar: 'سوريا', name_en: 'Syria' },
    governorate: { code: 'SY-DI', name_ar: 'دمشق', name_en: 'Damascus' },
    kpis: {
      projects: 1234,
      by_status: { planned: 3, tendering: 1, in_progress: 12, suspended: 2, completed: 7, cancelled: 0 },
      budget_total: 951_700_000,
      budget_spent: 120_000_000,
      progress_weighted: 53.3,
      delayed: 12,
      stale: 4,
      last_update_on: '2026-12-02',
    },
    obstacle_counts: { active: 5, critical: 2, overdue: 1, waiting_other_bodies: 3, overdue_decisions: 1 },
    governorates: [],
    map: {
      bbox: [36.2, 33.4, 36.4, 33.6],
      areas: [{ code: 'SY-DI', name_ar: 'دمشق', name_en: 'Damascus', geometry: SQUARE, value: null }],
      context: [{ code: 'SY-RD', geometry: { type: 'Polygon', coordinates: [[[36.0, 33.2], [36.6, 33.2], [36.6, 33.8], [36.0, 33.8], [36.0, 33.2]]] } }],
      projects: [
        { id: 1, lon: 36.25, lat: 33.5, status: 'in_progress', delayed: true, critical_obstacle: true },
        { id: 2, lon: 36.35, lat: 33.45, status: 'completed', delayed: false, critical_obstacle: false },
      ],
      zones: [{ id: 7, name_ar: 'منطقة عدرا', name_en: 'Adra zone', geometry: { type: 'Point', coordinates: [36.3, 33.55] } }],
    },
    delayed_projects: [project],
    stalled_projects: [],
    obstacles: [
      {
        position: 1,
        obstacle_id: 11,
        project: { id: 1, code: project.code, title_ar: project.title_ar, title_en: project.title_en, governorate: 'SY-DI' },
        title: 'انتظار قرار تخصيص الأرض',
        category: 'land',
        severity: 'critical',
        level: 'minister',
        status: 'waiting_other_body',
        responsible_body: { id: 3, name_ar: 'وزارة الأشغال العامة', name_en: 'Ministry of Public Works' },
        target_date: '2026-11-15',
        estimated_delay_days: 90,
        raised_at: '2026-08-01T10:00:00Z',
      },
    ],
    overdue_decisions: [],
    plan: null,
    photos: [],
    meeting: null,
    ...overrides,
  };
}
