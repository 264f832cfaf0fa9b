import { UTILITY_NETWORKS, type UtilityReportLine } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { invalidParameter } from '../../http/problems.ts';

/**
 * A zone's utility lines (table zone_utility_reports, migration 0021): the stage and readiness of
 * its networks, reported with a progress report, append-only. The table's trigger keeps each
 * network's latest line current (zone_utilities) and the zone's readiness derived (zone_facts).
 */

/** The networks in their fixed order, as SQL text: constants, never input. */
const NETWORK_ORDER = `array[${UTILITY_NETWORKS.map((n) => `'${n}'`).join(', ')}]`;

/**
 * SQL for the utility lines of progress report `reportId` (an expression on the report's id), as a
 * JSON array in network order; a line without a note has no `note` key.
 */
export const utilityLinesJson = (reportId: string) =>
  `coalesce((select json_agg(json_strip_nulls(json_build_object('network', r.network, 'stage', r.stage, 'readiness', r.readiness, 'note', r.note))
                             order by array_position(${NETWORK_ORDER}, r.network))
               from zone_utility_reports r where r.update_id = ${reportId}), '[]'::json)`;

/**
 * SQL for a zone's networks as they stand (an expression on the zone's id), as a JSON array of
 * ZoneUtility in network order: every network, stage null and readiness 0 when never reported.
 */
export const zoneUtilitiesJson = (zoneId: string) =>
  `(select json_agg(json_build_object('network', n.network, 'stage', cur.stage, 'readiness', coalesce(cur.readiness, 0),
                                      'reported_on', cur.reported_on) order by n.ord)
      from unnest(${NETWORK_ORDER}) with ordinality as n (network, ord)
      left join zone_utilities cur on cur.zone_id = ${zoneId} and cur.network = n.network)`;

/**
 * Refuses utility lines on a project that is not a zone, before anything is written (in the
 * report's transaction, after loadProjectForWrite). No lines, nothing to check.
 */
export async function assertUtilitiesAllowed(tx: Queryable, projectId: number, lines: readonly UtilityReportLine[] | undefined): Promise<void> {
  if (!lines?.length) return;
  const [project] = await tx.query<{ kind: string; zone: boolean }>(
    'select p.kind, exists (select 1 from zone_facts z where z.project_id = p.id) as zone from projects p where p.id = $1',
    [projectId],
  );
  if (project && !project.zone) {
    throw invalidParameter('utilities', `only industrial and craft zones report utilities, and project ${projectId} is a ${project.kind.replaceAll('_', ' ')}: leave utilities out`);
  }
}

/** Stores report `reportId`'s utility lines in its transaction (after assertUtilitiesAllowed). */
export async function insertUtilityLines(tx: Queryable, zoneId: number, reportId: number, lines: readonly UtilityReportLine[] | undefined): Promise<void> {
  if (!lines?.length) return;
  await tx.query(
    `insert into zone_utility_reports (update_id, zone_id, network, stage, readiness, note)
     select $1, $2, line.network, line.stage, line.readiness, line.note
       from json_to_recordset($3::json) as line (network text, stage text, readiness smallint, note text)`,
    [reportId, zoneId, JSON.stringify(lines)],
  );
}
