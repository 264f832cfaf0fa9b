import { UTILITY_NETWORKS, UTILITY_STAGES, type UtilityNetwork, type UtilityReportLine, type UtilityStage, type ZoneUtility } from '@marsad/contracts';
import { parseNumber } from './plotForm.ts';

/** A network's line of the report form as typed: stage '' is "not reported this time". */
export interface UtilityRow {
  network: UtilityNetwork;
  stage: UtilityStage | '';
  readiness: string;
}

export type UtilityProblem = 'stage' | 'readiness';

/** The five networks in their order, filled from the zone's current utilities (never reported: no stage, readiness 0). */
export function utilityRowsOf(current: readonly ZoneUtility[]): UtilityRow[] {
  return UTILITY_NETWORKS.map((network) => {
    const now = current.find((u) => u.network === network);
    return { network, stage: now?.stage ?? '', readiness: String(Math.round(now?.readiness ?? 0)) };
  });
}

/** The readiness a stage usually means, offered when the stage changes: nothing works yet, or all of it does. */
export function readinessForStage(stage: UtilityStage, readiness: string): string {
  if (stage === 'operational') return '100';
  if (stage === 'damaged' || stage === 'not_started' || stage === 'design' || stage === 'tendering') return readiness === '100' ? '0' : readiness;
  return readiness;
}

export function isUtilityRows(value: unknown): value is UtilityRow[] {
  return (
    Array.isArray(value) &&
    value.length === UTILITY_NETWORKS.length &&
    value.every(
      (row, i) =>
        typeof row === 'object' &&
        row !== null &&
        (row as UtilityRow).network === UTILITY_NETWORKS[i] &&
        ((row as UtilityRow).stage === '' || (UTILITY_STAGES as readonly string[]).includes((row as UtilityRow).stage)) &&
        typeof (row as UtilityRow).readiness === 'string',
    )
  );
}

/**
 * The report's `utilities`: a line for each network given a stage, with its readiness (a whole
 * number from 0 to 100). A readiness typed for a network without a stage is a mistake, named too.
 */
export function utilityLines(rows: readonly UtilityRow[]): { ok: true; lines: UtilityReportLine[] } | { ok: false; errors: Partial<Record<UtilityNetwork, UtilityProblem>> } {
  const errors: Partial<Record<UtilityNetwork, UtilityProblem>> = {};
  const lines: UtilityReportLine[] = [];
  for (const row of rows) {
    const readiness = parseNumber(row.readiness);
    const wholePercent = readiness !== undefined && readiness !== null && Number.isInteger(readiness) && readiness >= 0 && readiness <= 100;
    if (row.stage === '') {
      if (readiness !== null && readiness !== 0) errors[row.network] = 'stage';
      continue;
    }
    if (!wholePercent) errors[row.network] = 'readiness';
    else lines.push({ network: row.network, stage: row.stage, readiness });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, lines };
}

/** The networks whose stage or readiness differ from the zone's (for the form to mark what the report changes). */
export function changedNetworks(rows: readonly UtilityRow[], current: readonly ZoneUtility[]): UtilityNetwork[] {
  const start = utilityRowsOf(current);
  return rows.filter((row, i) => row.stage !== start[i]!.stage || parseNumber(row.readiness) !== parseNumber(start[i]!.readiness)).map((row) => row.network);
}
