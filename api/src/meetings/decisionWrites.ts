import type { z } from '@hono/zod-openapi';
import type { DecisionChange, DecisionClosing, InvalidParameter, NewDecision } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { SignedInViewer } from '../access/Viewer.ts';
import { conflict, forbidden, invalidParameters, unprocessable } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { freezeAgenda } from './agenda.ts';
import { decisionNotFound, isProjectSeen, mayCloseSql, visibleObstacleProject } from './decisionQueries.ts';
import { meetingNotFound } from './meetingQueries.ts';
import { staleVersion } from './meetingWrites.ts';

/** The writes of decisions, each inside the writer's withActor transaction. */

/** Errors for owners that do not exist or no longer act: a body must be on the list and active, a person's account not disabled. */
async function ownerErrors(tx: Queryable, ownerBodyId: number | null | undefined, ownerUserId: number | null | undefined): Promise<InvalidParameter[]> {
  const errors: InvalidParameter[] = [];
  if (ownerBodyId != null) {
    const [body] = await tx.query<{ is_active: boolean }>('select is_active from responsible_bodies where id = $1', [ownerBodyId]);
    if (!body) errors.push({ parameter: 'owner_body_id', message: `no responsible body ${ownerBodyId}: pick one from /api/responsible-bodies` });
    else if (!body.is_active) errors.push({ parameter: 'owner_body_id', message: `responsible body ${ownerBodyId} is no longer active: pick an active one` });
  }
  if (ownerUserId != null) {
    const [user] = await tx.query('select 1 from users where id = $1 and disabled_at is null', [ownerUserId]);
    if (!user) errors.push({ parameter: 'owner_user_id', message: `no active account ${ownerUserId}` });
  }
  return errors;
}

/**
 * `POST /api/meetings/{id}/decisions`: a direction taken in meeting `meetingId` (not a cancelled
 * one). A write of the meeting, so a due agenda freezes first. An obstacle it follows must be one
 * the organizer sees (on the agenda or not: a meeting may take up what came up in it); its project
 * is the decision's unless another is named, which must then be the same. Returns its id.
 */
export async function recordDecision(tx: Queryable, viewer: SignedInViewer, meetingId: number, decision: z.output<typeof NewDecision>): Promise<number> {
  const [meeting] = await tx.query<{ status: string }>('select status from meetings where id = $1', [meetingId]);
  if (!meeting) throw meetingNotFound(meetingId);
  if (meeting.status === 'cancelled') throw unprocessable(`Meeting ${meetingId} was cancelled: record its decisions in the meeting that took them.`);
  await freezeAgenda(tx, meetingId);

  const errors: InvalidParameter[] = [];
  let projectId = decision.project_id;
  if (decision.obstacle_id !== null) {
    const obstacleProject = await visibleObstacleProject(tx, viewer, decision.obstacle_id);
    if (obstacleProject === undefined) errors.push({ parameter: 'obstacle_id', message: `no obstacle ${decision.obstacle_id} is visible to you` });
    else if (projectId === null) projectId = obstacleProject;
    else if (projectId !== obstacleProject) {
      errors.push({ parameter: 'project_id', message: `obstacle ${decision.obstacle_id} is on project ${obstacleProject}, not ${projectId}: leave project_id out` });
    }
  }
  if (decision.project_id !== null && !errors.length && !(await isProjectSeen(tx, viewer, decision.project_id))) {
    errors.push({ parameter: 'project_id', message: `no project ${decision.project_id} is visible to you` });
  }
  errors.push(...(await ownerErrors(tx, decision.owner_body_id, decision.owner_user_id)));
  if (errors.length) throw invalidParameters(errors);

  const [row] = await tx.query<{ id: number }>(
    `insert into decisions (meeting_id, obstacle_id, project_id, text, owner_body_id, owner_user_id, due_date, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::int`,
    [meetingId, decision.obstacle_id, projectId, decision.text, decision.owner_body_id, decision.owner_user_id, decision.due_date, viewer.userId],
  );
  return row!.id;
}

/** `PATCH /api/decisions/{id}` (organizers): text, due date, owners, at the version read. A closed decision stays as it closed. */
export async function changeDecision(tx: Queryable, id: number, change: z.output<typeof DecisionChange>): Promise<void> {
  const [current] = await tx.query<{ version: number; status: string; owner_body_id: number | null; owner_user_id: number | null }>(
    'select version, status, owner_body_id, owner_user_id from decisions where id = $1 for update',
    [id],
  );
  if (!current) throw decisionNotFound(id);
  if (current.version !== change.version) throw staleVersion(`Decision ${id}`, current.version, change.version);
  if (current.status === 'closed') throw conflict(`Decision ${id} is closed: it stays as it closed. Record a new decision in a meeting instead.`);
  const errors = await ownerErrors(tx, change.owner_body_id, change.owner_user_id);
  const body = change.owner_body_id === undefined ? current.owner_body_id : change.owner_body_id;
  const user = change.owner_user_id === undefined ? current.owner_user_id : change.owner_user_id;
  if (body === null && user === null) errors.push({ parameter: 'owner_body_id', message: 'name who must act: a body or a person' });
  if (errors.length) throw invalidParameters(errors);
  const fields = (['text', 'due_date', 'owner_body_id', 'owner_user_id'] as const).filter((k) => change[k] !== undefined);
  if (!fields.length) return;
  const params = new SqlParams([id]);
  await tx.query(`update decisions set ${fields.map((k) => `${k} = ${params.add(change[k])}`).join(', ')} where id = $1`, params.values);
}

/**
 * `POST /api/decisions/{id}/close`: done, with a note (the schema has refused a missing one). 409
 * if it is already closed or changed since `version`; 403 unless the viewer may close it (see
 * mayCloseSql: organizers, its owner, an engineer writing its project). The route has checked
 * that the viewer sees it.
 */
export async function closeDecision(tx: Queryable, viewer: SignedInViewer, id: number, closing: z.output<typeof DecisionClosing>): Promise<void> {
  const params = new SqlParams([id]);
  const [current] = await tx.query<{ version: number; status: string; may_close: boolean }>(
    `select d.version, d.status, ${mayCloseSql(viewer, params)} as may_close
       from decisions d left join projects p on p.id = d.project_id
      where d.id = $1 for update of d`,
    params.values,
  );
  if (!current) throw decisionNotFound(id);
  if (current.status === 'closed') throw conflict(`Decision ${id} is already closed.`);
  if (!current.may_close) {
    throw forbidden(`Decision ${id} is closed by the meeting's organizers, the person it names as owner, or an engineer of its project's governorate`);
  }
  if (current.version !== closing.version) throw staleVersion(`Decision ${id}`, current.version, closing.version);
  await tx.query(
    `update decisions set status = 'closed', closed_at = now(), closed_by = $2, closing_note = $3, closing_document = $4 where id = $1`,
    [id, viewer.userId, closing.closing_note, closing.closing_document],
  );
}
