import type { ZoneUtility } from '@marsad/contracts';
import type { ProgressDraft } from '../progress/progressReport.ts';
import { isUtilityRows, utilityRowsOf, type UtilityRow } from './utilityForm.ts';

/** A zone's progress report as typed: the project report's fields and a line per network. Kept on the device until sent. */
export interface ZoneReportDraft {
  progress: ProgressDraft;
  utilities: UtilityRow[];
}

/** Where a zone stands now, which the report starts from. */
export interface ZoneNow {
  status: string;
  physical_progress: number;
  financial_progress: number;
  utilities: readonly ZoneUtility[];
}

export function zoneReportStart(now: ZoneNow, today: string): ZoneReportDraft {
  return {
    progress: { reported_on: today, status: now.status, physical_progress: String(now.physical_progress), financial_progress: String(now.financial_progress), note: '' },
    utilities: utilityRowsOf(now.utilities),
  };
}

export function isZoneReportDraft(value: unknown): value is ZoneReportDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const progress = d.progress as Record<string, unknown> | null | undefined;
  return (
    typeof progress === 'object' &&
    progress !== null &&
    (['reported_on', 'status', 'physical_progress', 'financial_progress', 'note'] as const).every((k) => typeof progress[k] === 'string') &&
    isUtilityRows(d.utilities)
  );
}
