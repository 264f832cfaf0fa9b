import { createRoute, z } from '@hono/zod-openapi';
import { CHANGE_PERIODS, CHANGES_MAX_DAYS, ChangesAnswer, VisitAnswer, type ChangePeriod } from '@marsad/contracts';
import { named } from '../http/openApiNames.ts';
import { json } from '../http/openApiRoutes.ts';
import { invalidParameter } from '../http/problems.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import { findChanges } from './changeQueries.ts';
import { recordVisit } from './visits.ts';

const ChangesQuery = ProjectFilterQuery.extend({
  since: z.string().openapi({
    example: 'week',
    description: `The first day of the period: \`week\` (${CHANGE_PERIODS.week} days back), \`month\` (${CHANGE_PERIODS.month} days back) or a date YYYY-MM-DD, not after today. ` +
      `A date more than ${CHANGES_MAX_DAYS} days back is moved up to that limit (the answer says \`clamped\`).`,
  }),
});

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period asked for, as its first day, against `today` (UTC); a wrong `since` is a 400 saying what to send. */
export function resolveSince(since: string, today: string): { since: string; clamped: boolean } {
  const todayMs = dayOf(today);
  if (since in CHANGE_PERIODS) return { since: isoOf(todayMs - CHANGE_PERIODS[since as ChangePeriod] * DAY_MS), clamped: false };
  const accepted = `Send since=week, since=month or a date as YYYY-MM-DD (e.g. since=${isoOf(todayMs - 7 * DAY_MS)}).`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(dayOf(since)) || isoOf(dayOf(since)) !== since) {
    throw invalidParameter('since', 'must be week, month or a real date YYYY-MM-DD', { detail: `since: "${since.slice(0, 40)}" is not a period Marsad knows. ${accepted}` });
  }
  if (since > today) {
    throw invalidParameter('since', 'must not be after today', { detail: `since: ${since} is in the future (today is ${today}, UTC): nothing has changed there yet. ${accepted}` });
  }
  const earliest = isoOf(todayMs - CHANGES_MAX_DAYS * DAY_MS);
  return since < earliest ? { since: earliest, clamped: true } : { since, clamped: false };
}

/** What changed (issue 15): the periods' changes and each user's previous visit. */
export const changeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Projects'],
      summary: 'What changed since a day: projects newly delayed, stalled or suspended, completed, with a big jump in progress, or reported',
      description:
        'Computed from the progress history and the same "delayed" and "stale" as every other read (see api/src/changes/changeQueries.ts), ' +
        'for the projects you may see, under the usual project filters. Each kind lists its most recent changes and counts them all.',
      request: { query: ChangesQuery },
      responses: {
        200: { description: 'The changes, by kind', content: json(named(ChangesAnswer, 'ChangesAnswer')) },
        400: { description: 'A `since` that is not week, month or a date, a date in the future, or invalid filters (problem+json)' },
      },
    }),
    async (c) => {
      const { since: asked, ...filter } = c.req.valid('query');
      const [{ today }] = (await c.var.db.query<{ today: string }>(`select current_date::text as today`)) as [{ today: string }];
      const { since, clamped } = resolveSince(asked, today);
      await assertKnownFilterValues(c.var.db, filter);
      const changes = await findChanges(c.var.db, c.var.viewer, filter, since);
      return c.json({ ...changes, until: today, clamped }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/visit',
      tags: ['Accounts'],
      summary: 'You opened the dashboard: records it and says when your previous visit ended',
      description: 'For "what changed since my last visit", on any of your devices. Openings less than an hour apart are one visit.',
      middleware: [requireUser('Sign in so Marsad can remember your visits; anonymous readers choose last week or last month')] as const,
      responses: {
        200: { description: 'Your previous visit', content: json(named(VisitAnswer, 'VisitAnswer')) },
        401: { description: 'Not signed in' },
      },
    }),
    async (c) => {
      const visit = await recordVisit(c.var.db, c.var.user.userId);
      // Nothing any cached answer shows changed: the data version stays.
      c.set('wroteNothing', true);
      return c.json(visit, 200, { 'cache-control': 'no-store' });
    },
  );
