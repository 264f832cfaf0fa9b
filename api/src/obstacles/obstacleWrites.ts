import {
  ESCALATION_LEVELS,
  isObstacleActive,
  type EscalationLevel,
  type NewObstacle,
  type Obstacle,
  type ObstacleChange,
  type ObstacleEscalation,
  type ObstacleStatus,
} from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { obstacleVisibility } from '../access/obstacleAccess.ts';
import { projectVisibility } from '../access/projectVisibility.ts';
import type { SignedInViewer } from '../access/Viewer.ts';
import { conflict, forbidden, invalidParameter, unprocessable } from '../http/problems.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { actsAtLevelSql, raisesOnProjectSql } from './obstacleActors.ts';
import { findObstacle, obstacleNotFound } from './obstacleQueries.ts';
import { nextLevel, proposalJoin, type EscalationThresholds } from './escalationProposals.ts';

/**
 * The SQL of raising, changing and escalating obstacles, inside the writer's transaction
 * (withActor, so the audit log names them). Every write finds its obstacle through
 * obstacleVisibility (404 when hidden or unknown), then asks whether the caller acts at its level
 * (403), then compares the version read (409 with current_version).
 *
 * Status rules:
 * - the active statuses (open, in_progress, waiting_other_body) move freely among themselves;
 *   waiting_other_body needs a responsible body;
 * - ending it (resolved, closed, dropped) needs a resolution_note, and sets ended_at;
 * - an ended obstacle may move to another ended status (resolved → closed when confirmed) and
 *   have its note corrected, keeping ended_at; nothing else of it changes until it is reopened;
 * - reopening is to 'open' only, by someone acting at its level (as every change is); it clears
 *   ended_at and the note, and keeps its level and level_since (the time already spent there
 *   still counts towards proposing escalation);
 * - a resolution_note is written only with an ended status.
 */

const NOW = Symbol('now()');
const ENDED_FIELDS = new Set(['status', 'resolution_note', 'version']);

interface ObstacleForWrite {
  status: ObstacleStatus;
  level: EscalationLevel;
  version: number;
  project_id: number;
  country_iso3: string;
  responsible_body_id: number | null;
  resolution_note: string | null;
  may_act: boolean;
}

/** The obstacle, locked, once the caller may see it and act on it at the version they read. */
async function loadObstacleForWrite(tx: Queryable, viewer: SignedInViewer, id: number, version: number, action: string): Promise<ObstacleForWrite> {
  const params = new SqlParams([id]);
  const [row] = await tx.query<ObstacleForWrite>(
    `select o.status, o.level, o.version, o.project_id::int as project_id, p.country_iso3, o.responsible_body_id, o.resolution_note,
            coalesce(${actsAtLevelSql(viewer, params)}, false) as may_act
       from obstacles o join projects p on p.id = o.project_id
      where o.id = $1 and ${obstacleVisibility(viewer, params)}
      for update of o`,
    params.values,
  );
  if (!row) throw obstacleNotFound(id);
  if (!row.may_act) {
    throw forbidden(`You may not ${action} obstacle ${id}: at the ${row.level.replace('_', '-')} level it is for ${actorsWording(row.level)}`);
  }
  if (row.version !== version) {
    throw conflict(`Obstacle ${id} is at version ${row.version}, not ${version}: someone else changed it since. Reload it and try again.`, {
      current_version: row.version,
    });
  }
  return row;
}

const actorsWording = (level: EscalationLevel) =>
  ({
    governorate: "the project's governorate engineers, planners, the minister and admins",
    directorate: 'planners of the ministry directorate, the minister and admins',
    minister: 'the minister and admins',
    inter_ministerial: 'the minister and admins',
  })[level];

/** 400 unless `bodyId` is a body of `country` (or an international one); new references must be to active bodies. */
async function assertBody(tx: Queryable, bodyId: number, country: string): Promise<void> {
  const [body] = await tx.query<{ country_iso3: string | null; is_active: boolean }>('select country_iso3, is_active from responsible_bodies where id = $1', [bodyId]);
  if (!body) throw invalidParameter('responsible_body_id', `there is no responsible body ${bodyId}`);
  if (!body.is_active) throw invalidParameter('responsible_body_id', `responsible body ${bodyId} is no longer active: choose another`);
  if (body.country_iso3 !== null && body.country_iso3 !== country) {
    throw invalidParameter('responsible_body_id', `responsible body ${bodyId} belongs to ${body.country_iso3}, not to the project's country ${country}`);
  }
}

const waitingNeedsBody = () => invalidParameter('responsible_body_id', 'name the body it waits for: waiting_other_body needs a responsible body');

/** `POST /api/obstacles`. */
export async function insertObstacle(tx: Queryable, viewer: SignedInViewer, thresholds: EscalationThresholds, fields: NewObstacle): Promise<Obstacle> {
  const params = new SqlParams([fields.project_id]);
  const [project] = await tx.query<{ country_iso3: string; may_raise: boolean }>(
    `select p.country_iso3, (${raisesOnProjectSql(viewer, params)}) as may_raise from projects p where p.id = $1 and ${projectVisibility(viewer, params)}`,
    params.values,
  );
  if (!project) throw invalidParameter('project_id', `no project ${fields.project_id} is visible to you`);
  if (!project.may_raise) throw forbidden(`You may not raise obstacles on project ${fields.project_id}: engineers raise them on their own governorates' projects`);
  if (fields.responsible_body_id != null) await assertBody(tx, fields.responsible_body_id, project.country_iso3);
  const [row] = await tx.query<{ id: number }>(
    `insert into obstacles (project_id, title, description, category, responsible_body_id, severity, estimated_delay_days, target_date, raised_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id::int as id`,
    [
      fields.project_id, fields.title, fields.description ?? null, fields.category, fields.responsible_body_id ?? null, fields.severity,
      fields.estimated_delay_days ?? null, fields.target_date ?? null, viewer.userId,
    ],
  );
  return (await findObstacle(tx, viewer, thresholds, row!.id))!;
}

/** `PATCH /api/obstacles/{id}`: the fields sent, under the status rules above. */
export async function changeObstacle(tx: Queryable, viewer: SignedInViewer, thresholds: EscalationThresholds, id: number, change: ObstacleChange): Promise<Obstacle> {
  const current = await loadObstacleForWrite(tx, viewer, id, change.version, 'change');
  const status = change.status ?? current.status;
  const wasActive = isObstacleActive(current.status);
  const willBeActive = isObstacleActive(status);
  /** Column → value; NOW for the transaction's time. */
  const set: Record<string, unknown> = {};

  if (!wasActive) {
    if (willBeActive && status !== 'open') {
      throw unprocessable(`Obstacle ${id} is ${current.status}: it can only be reopened as open`, { errors: [{ parameter: 'status', message: 'reopen as open' }] });
    }
    if (!willBeActive) {
      const others = Object.keys(change).filter((k) => !ENDED_FIELDS.has(k) && change[k as keyof ObstacleChange] !== undefined);
      if (others.length > 0) {
        throw unprocessable(`Obstacle ${id} is ${current.status}: reopen it (status open) before changing ${others.join(', ')}`, {
          errors: others.map((parameter) => ({ parameter, message: 'the obstacle has ended' })),
        });
      }
    }
  }
  if (willBeActive && change.resolution_note != null) {
    throw invalidParameter('resolution_note', 'is written when the obstacle is resolved, closed or dropped');
  }
  if (!willBeActive) {
    const note = change.resolution_note !== undefined ? change.resolution_note : current.resolution_note;
    if (note == null || note.trim() === '') throw invalidParameter('resolution_note', `say how it ended: ${status} needs a resolution note`);
    if (wasActive) set.ended_at = NOW;
  } else if (!wasActive) {
    set.ended_at = null;
    set.resolution_note = null;
  }
  const body = change.responsible_body_id !== undefined ? change.responsible_body_id : current.responsible_body_id;
  if (status === 'waiting_other_body' && body === null) throw waitingNeedsBody();
  if (change.responsible_body_id != null && change.responsible_body_id !== current.responsible_body_id) {
    await assertBody(tx, change.responsible_body_id, current.country_iso3);
  }
  for (const field of ['title', 'description', 'category', 'responsible_body_id', 'severity', 'estimated_delay_days', 'target_date', 'status', 'resolution_note'] as const) {
    if (change[field] !== undefined) set[field] = change[field];
  }
  const columns = Object.keys(set);
  if (columns.length > 0) {
    const params = new SqlParams([id]);
    await tx.query(`update obstacles set ${columns.map((k) => `${k} = ${set[k] === NOW ? 'now()' : params.add(set[k])}`).join(', ')} where id = $1`, params.values);
  }
  return (await findObstacle(tx, viewer, thresholds, id))!;
}

/** `POST /api/obstacles/{id}/escalate`: to `to_level` (the next by default), recording why and whether the system had proposed it. */
export async function escalateObstacle(tx: Queryable, viewer: SignedInViewer, thresholds: EscalationThresholds, id: number, body: ObstacleEscalation): Promise<Obstacle> {
  const current = await loadObstacleForWrite(tx, viewer, id, body.version, 'escalate');
  if (!isObstacleActive(current.status)) {
    throw conflict(`Obstacle ${id} is ${current.status}: only an active obstacle is escalated. Reopen it first if it blocks the work again.`);
  }
  const next = nextLevel(current.level);
  if (next === null) {
    throw conflict(`Obstacle ${id} is already at the inter-ministerial meeting, the top level: there is nowhere higher to escalate it`);
  }
  const to = body.to_level ?? next;
  if (ESCALATION_LEVELS.indexOf(to) <= ESCALATION_LEVELS.indexOf(current.level)) {
    throw invalidParameter('to_level', `must be above the obstacle's current level (${current.level}), such as ${next}`);
  }
  const params = new SqlParams([id]);
  const [proposed] = await tx.query<{ was_proposed: boolean }>(
    `select proposal.reason is not null as was_proposed from obstacles o ${proposalJoin(thresholds, params)} where o.id = $1`,
    params.values,
  );
  await tx.query(`update obstacles set level = $2, level_since = now() where id = $1`, [id, to]);
  await tx.query(
    `insert into obstacle_escalations (obstacle_id, project_id, from_level, to_level, reason, was_proposed, escalated_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, current.project_id, current.level, to, body.reason, proposed!.was_proposed, viewer.userId],
  );
  return (await findObstacle(tx, viewer, thresholds, id))!;
}
