import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { calendarDate, countryCode, Decision, Meeting, MeetingChange, MeetingList, MEETING_STATUSES, NewDecision, NewMeeting } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { MEETING_ORGANIZERS } from '../access/obstacleAccess.ts';
import { named } from '../http/openApiNames.ts';
import { json, jsonBody } from '../http/openApiRoutes.ts';
import { pathId } from '../http/pathId.ts';
import { forbidden } from '../http/problems.ts';
import { requireUser, type SignedInEnv } from '../http/requireUser.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { PageQuery } from '../projects/pageQuery.ts';
import { freezeAgenda, freezeAgendaIfDue } from './agenda.ts';
import { findDecision } from './decisionQueries.ts';
import { recordDecision } from './decisionWrites.ts';
import { dueMeetingIds, findMeetings, isMeetingVisible, isOrganizer, loadMeeting, meetingNotFound, readMeeting } from './meetingQueries.ts';
import { changeMeeting, createMeeting } from './meetingWrites.ts';

/**
 * `/api/meetings`: review meetings, their agendas (frozen before the meeting, see agenda.ts) and
 * the decisions taken in them. Meetings are the signed-in ministry's, engineers' and donors'
 * business: anonymous callers are asked to sign in (401), like every read of obstacles. Signed in,
 * a meeting the caller may not see (meetingVisibility) is a 404; one they see but may not run
 * (MEETING_ORGANIZERS) is a 403 for writes.
 */

/** Meetings' ids are `integer`s. */
const MAX_MEETING_ID = 2 ** 31 - 1;
const IdParams = z.object({ id: pathId('id', MAX_MEETING_ID) });

const signedIn = requireUser('Sign in to see review meetings and their decisions');

/** Writes to meeting `{id}`: 404 unless the caller sees it, then 403 unless they organize meetings (before the body is read). */
const organizerOfMeeting = createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
  const id = Number(c.req.param('id'));
  if (Number.isSafeInteger(id) && id > 0 && id <= MAX_MEETING_ID && !(await isMeetingVisible(c.var.db, c.var.user, id))) throw meetingNotFound(id);
  if (!isOrganizer(c.var.user)) throw forbidden('Only organizers of meetings (admins, the minister, planners) change meetings and record decisions');
  await next();
});

const organizers = requireUser('Sign in to organize meetings', {
  roles: MEETING_ORGANIZERS,
  forbiddenDetail: 'Only admins, the minister and planners organize meetings',
});

const ListQuery = z.object({
  country: countryCode.optional().openapi({ example: 'SYR' }),
  from: calendarDate.optional().openapi({ description: 'Held on or after this day', example: '2026-01-01' }),
  to: calendarDate.optional().openapi({ description: 'Held on or before this day', example: '2026-12-31' }),
  status: z.enum(MEETING_STATUSES).optional(),
  limit: PageQuery.shape.limit,
});

const MEETING_WRITE = { tags: ['Meetings'], middleware: [signedIn, organizerOfMeeting] as [typeof signedIn, typeof organizerOfMeeting] };

export const meetingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Meetings'],
      summary: 'Meetings the caller sees, the latest first',
      middleware: [signedIn] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'Meetings', content: json(named(MeetingList, 'MeetingList')) },
        400: { description: 'Invalid parameters' },
        401: { description: 'Not signed in' },
      },
    }),
    async (c) => {
      const { limit, ...filters } = c.req.valid('query');
      const { db, config, user } = c.var;
      // Listing them is reading them: the agendas due to freeze freeze first, so the counts are the frozen ones.
      for (const id of await dueMeetingIds(db, user, filters)) {
        // A GET moves no data version by itself (bumpDataVersionOnWrite): a freeze says so.
        if (await freezeAgendaIfDue(db, id, user.userId)) c.var.dataVersion.bump();
      }
      const items = await findMeetings(db, user, filters, Math.min(limit ?? config.PAGE_SIZE_MAX, config.PAGE_SIZE_MAX));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Meetings'],
      summary: 'Create a meeting: level, day, governorates or projects on its agenda, organizations taking part (organizers)',
      middleware: [organizers] as const,
      request: { body: jsonBody(NewMeeting) },
      responses: {
        201: { description: 'Created; its agenda already frozen if freezes_on has come', content: json(Meeting) },
        400: { description: 'Invalid fields, or unknown governorates, projects or organizations (each named)' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an organizer' },
      },
    }),
    async (c) => {
      const { db, user, config } = c.var;
      const id = await withActor(db, user.userId, (tx) => createMeeting(tx, user, c.req.valid('json'), config.MEETING_AGENDA_FREEZE_DAYS));
      return c.json(await loadMeeting(db, user, id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Meetings'],
      summary: 'A meeting with its agenda (live until freezes_on, then as it froze) and its decisions, as the caller may see them',
      middleware: [signedIn] as const,
      request: { params: IdParams },
      responses: {
        200: { description: 'The meeting', content: json(named(Meeting, 'Meeting')) },
        401: { description: 'Not signed in' },
        404: { description: 'No such meeting visible to the caller' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await readMeeting(c.var.db, c.var.user, id, () => c.var.dataVersion.bump()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      ...MEETING_WRITE,
      summary: 'Change a meeting (send the version read; held_on stays once the agenda froze)',
      request: { params: IdParams, body: jsonBody(MeetingChange) },
      responses: {
        200: { description: 'Saved', content: json(Meeting) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an organizer' },
        404: { description: 'No such meeting visible to the caller' },
        409: { description: 'Changed by someone else since `version`' },
        422: { description: 'held_on moved after the agenda froze, or a held meeting un-held' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, user } = c.var;
      await withActor(db, user.userId, (tx) => changeMeeting(tx, id, c.req.valid('json')));
      return c.json(await loadMeeting(db, user, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/freeze',
      ...MEETING_WRITE,
      summary: 'Freeze the agenda now, before freezes_on (organizers); a frozen agenda stays as it is',
      request: { params: IdParams },
      responses: {
        200: { description: 'The meeting with its frozen agenda', content: json(Meeting) },
        401: { description: 'Not signed in' },
        403: { description: 'Not an organizer' },
        404: { description: 'No such meeting visible to the caller' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, user } = c.var;
      await withActor(db, user.userId, (tx) => freezeAgenda(tx, id, { now: true }));
      return c.json(await loadMeeting(db, user, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/decisions',
      ...MEETING_WRITE,
      summary: 'Record a decision (direction) taken in the meeting: what, who must act, by when (organizers)',
      request: { params: IdParams, body: jsonBody(NewDecision) },
      responses: {
        201: { description: 'Recorded', content: json(named(Decision, 'Decision')) },
        400: { description: 'Invalid fields, or an unknown obstacle, project, body or person (each named)' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an organizer' },
        404: { description: 'No such meeting visible to the caller' },
        422: { description: 'The meeting was cancelled' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, user } = c.var;
      const decisionId = await withActor(db, user.userId, (tx) => recordDecision(tx, user, id, c.req.valid('json')));
      return c.json((await findDecision(db, user, decisionId))!, 201);
    },
  );
