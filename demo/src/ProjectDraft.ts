import { yearOf } from './days.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import type { PlaceName } from './places.ts';
import type { ProgressPlan } from './progressPlan.ts';
import type { ZoneKind } from './zoneNames.ts';

export type ProjectKind = 'development_project' | 'service_centre' | ZoneKind;

/** One generated project before it is written: everything but its progress reports. */
export interface ProjectDraft {
  /** Position in generation order; seeds the project's own random streams (updates, funding). */
  index: number;
  code: string;
  kind: ProjectKind;
  sector: string;
  title: PlaceName;
  description: PlaceName;
  area: AdminArea;
  wkt: string;
  budget: number;
  plan: ProgressPlan;
  /** The day the project was registered (its created_at). */
  registered: number;
  published: boolean;
  zone?: { development: 'new' | 'rehabilitation'; areaHa: number };
}

/** Codes like SY-DI-2024-0012: governorate, planned start year, running number. */
export class ProjectCodes {
  private readonly next = new Map<string, number>();

  take(area: AdminArea, plannedStart: number): string {
    const prefix = `${area.code}-${yearOf(plannedStart)}`;
    const number = (this.next.get(prefix) ?? 0) + 1;
    this.next.set(prefix, number);
    return `${prefix}-${String(number).padStart(4, '0')}`;
  }
}

/** Log-normal budgets, clamped and rounded the way budgets are written (whole thousands). */
export function roundBudget(value: number, min: number, max: number): number {
  const clamped = Math.min(max, Math.max(min, value));
  return Math.round(clamped / 1000) * 1000;
}
