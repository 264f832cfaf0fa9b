import type { InvalidParameter, MeetingChange, NewMeeting } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { z } from '@hono/zod-openapi';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import type { SignedInViewer, Viewer } from '../access/Viewer.ts';
import { conflict, invalidParameters, unprocessable } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { freezeAgenda } from './agenda.ts';
import { meetingNotFound } from './meetingQueries.ts';

/** The writes of meetings (organizers only: the routes check), each inside the writer's withActor transaction. */

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
const listed = (values: readonly (string | number)[]) => values.map(String).join(', ');

/** The admin_areas ids of the governorates, projects and organizations a new meeting names; 400 naming every unknown one. */
async function resolveScope(tx: Queryable, viewer: Viewer, meeting: z.output<typeof NewMeeting>) {
  const errors: InvalidParameter[] = [];
  const [country] = await tx.query('select 1 from countries where iso3 = $1', [meeting.country_iso3]);
  if (!country) errors.push({ parameter: 'country_iso3', message: `"${meeting.country_iso3}" is not a country Marsad knows` });

  const codes = distinct(meeting.governorates);
  const areas = await tx.query<{ id: number; code: string }>(
    `select id, code from admin_areas where code = any($1::text[]) and country_iso3 = $2 and level = 1`,
    [codes, meeting.country_iso3],
  );
  const unknownAreas = codes.filter((code) => !areas.some((a) => a.code === code));
  if (unknownAreas.length) errors.push({ parameter: 'governorates', message: `no governorate ${listed(unknownAreas)} in ${meeting.country_iso3}` });

  const ids = distinct(meeting.project_ids);
  const params = new SqlParams([ids, meeting.country_iso3]);
  const projects = await tx.query<{ id: number }>(
    `select p.id::int from projects p where p.id = any($1::bigint[]) and p.country_iso3 = $2 and ${obstacleVisibility(viewer, params, 'p')}`,
    params.values,
  );
  const unknownProjects = ids.filter((id) => !projects.some((p) => p.id === id));
  if (unknownProjects.length) {
    errors.push({ parameter: 'project_ids', message: `no project ${listed(unknownProjects)} in ${meeting.country_iso3} is visible to you` });
  }

  const slugs = distinct(meeting.organizations);
  const organizations = await tx.query<{ id: number; slug: string }>(`select id, slug from organizations where slug = any($1::text[])`, [slugs]);
  const unknownOrganizations = slugs.filter((slug) => !organizations.some((o) => o.slug === slug));
  if (unknownOrganizations.length) errors.push({ parameter: 'organizations', message: `no organization ${listed(unknownOrganizations)}` });

  if (errors.length) throw invalidParameters(errors);
  return { areaIds: areas.map((a) => a.id), projectIds: ids, organizationIds: organizations.map((o) => o.id) };
}

/**
 * A new meeting with its scope; its agenda freezes at once if freezes_on is already today or
 * past (the meeting's first write). Returns its id.
 */
export async function createMeeting(tx: Queryable, viewer: SignedInViewer, meeting: z.output<typeof NewMeeting>, defaultFreezeDays: number): Promise<number> {
  const scope = await resolveScope(tx, viewer, meeting);
  const [row] = await tx.query<{ id: number }>(
    `insert into meetings (country_iso3, level, title_ar, title_en, held_on, freeze_days, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [meeting.country_iso3, meeting.level, meeting.title_ar, meeting.title_en, meeting.held_on, meeting.freeze_days ?? defaultFreezeDays, viewer.userId],
  );
  const id = row!.id;
  if (scope.areaIds.length) {
    await tx.query(`insert into meeting_governorates (meeting_id, admin_area_id) select $1, unnest($2::int[])`, [id, scope.areaIds]);
  }
  if (scope.projectIds.length) {
    await tx.query(`insert into meeting_projects (meeting_id, project_id) select $1, unnest($2::bigint[])`, [id, scope.projectIds]);
  }
  if (scope.organizationIds.length) {
    await tx.query(`insert into meeting_organizations (meeting_id, organization_id) select $1, unnest($2::int[])`, [id, scope.organizationIds]);
  }
  await freezeAgenda(tx, id);
  return id;
}

/** 409 with `current_version` when `what` is no longer at `version`. */
export const staleVersion = (what: string, current: number, sent: number) =>
  conflict(`${what} is at version ${current}, not ${sent}: someone else changed it since. Reload it and try again.`, { current_version: current });

/**
 * `PATCH /api/meetings/{id}`: the fields sent, at the version read (409 otherwise). A change is a
 * write of the meeting, so a due agenda freezes first; once frozen, held_on stays (422: the agenda
 * was drawn up for that day). A held meeting stays held (its decisions were taken); a cancelled one
 * may be scheduled again. Moving held_on earlier may make the agenda due: it then freezes too.
 */
export async function changeMeeting(tx: Queryable, id: number, change: z.output<typeof MeetingChange>): Promise<void> {
  const [current] = await tx.query<{ version: number; held_on: string; status: string }>(
    `select version, to_char(held_on, 'YYYY-MM-DD') as held_on, status from meetings where id = $1 for update`,
    [id],
  );
  if (!current) throw meetingNotFound(id);
  if (current.version !== change.version) throw staleVersion(`Meeting ${id}`, current.version, change.version);
  await freezeAgenda(tx, id);
  const [{ frozen } = { frozen: false }] = await tx.query<{ frozen: boolean }>(`select agenda_frozen_at is not null as frozen from meetings where id = $1`, [id]);
  if (change.held_on !== undefined && change.held_on !== current.held_on && frozen) {
    throw unprocessable(
      `The agenda of meeting ${id} froze for ${current.held_on}, so held_on cannot move to ${change.held_on}. Cancel it and create a new meeting for the new day.`,
      { errors: [{ parameter: 'held_on', message: 'cannot move once the agenda has frozen' }] },
    );
  }
  if (change.status !== undefined && current.status === 'held' && change.status !== 'held') {
    throw unprocessable(`Meeting ${id} was held: its status stays held (its decisions were taken there).`, {
      errors: [{ parameter: 'status', message: 'a held meeting stays held' }],
    });
  }
  const fields = (['title_ar', 'title_en', 'held_on', 'status', 'minutes'] as const).filter((k) => change[k] !== undefined);
  if (!fields.length) return;
  const params = new SqlParams([id]);
  await tx.query(`update meetings set ${fields.map((k) => `${k} = ${params.add(change[k])}`).join(', ')} where id = $1`, params.values);
  await freezeAgenda(tx, id);
}
