import { createRoute } from '@hono/zod-openapi';
import { ZoneDetail, ZoneFactsChange } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { IdParams } from '../../http/pathId.ts';
import { conflict } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { createRouter } from '../../http/router.ts';
import { loadZoneForWrite, zoneNotFound } from '../zoneAccess.ts';
import { zoneTimelineRoutes } from '../timeline/routes.ts';
import { changeZoneFacts, findZoneDetail } from './zoneDetailQueries.ts';

/**
 * `GET /api/zones/{id}` (the zone screen's head: facts, totals, utilities, activities) and
 * `PATCH /api/zones/{id}` (its own facts); its timeline is mounted here too. The head is a cached
 * read (cache/readCache.ts), keyed by visibility, investor and write scope.
 */
export const zoneDetailRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Zones'],
      summary: "One zone's head: facts, totals derived from its plots, utilities, activities, and what the viewer may do",
      request: { params: IdParams },
      responses: {
        200: { description: 'The zone', content: json(named(ZoneDetail, 'ZoneDetail')) },
        404: { description: 'No such zone, or not visible to the caller (problem+json)' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const zone = await findZoneDetail(c.var.db, id, c.var.viewer);
      if (!zone) throw zoneNotFound(id);
      return c.json(zone, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['Zones'],
      middleware: [requireUser('Sign in to change zones')] as const,
      summary: "Change a zone's own facts (development, area); send the zone project's version you read (409 if it changed since)",
      description: 'Its title, dates and the like are the project\'s: `PATCH /api/projects/{id}`. Its totals and readiness are derived from plots and utility reports.',
      request: { params: IdParams, body: jsonBody(ZoneFactsChange) },
      responses: {
        200: { description: 'Saved: the zone as it now is, with its new version', content: json(named(ZoneDetail, 'ZoneDetail')) },
        400: { description: 'Invalid fields' },
        401: { description: 'Not signed in' },
        403: { description: 'Not allowed to change this zone' },
        404: { description: 'No such zone, or not visible' },
        409: { description: 'The zone changed since `version`: reload and try again' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const user = c.var.user;
      const zone = await withActor(c.var.db, user.userId, async (tx) => {
        // The project's row first, as a progress report locks it before its utility lines reach
        // zone_facts: two writers of one zone then take their locks in the same order.
        await tx.query('select 1 from projects where id = $1 for update', [id]);
        const current = await loadZoneForWrite(tx, id, user);
        if (current.version !== change.version) {
          throw conflict(`Zone ${id} is at version ${current.version}, not ${change.version}: someone else changed it since. Reload it and try again.`, {
            current_version: current.version,
          });
        }
        await changeZoneFacts(tx, id, change);
        return (await findZoneDetail(tx, id, user))!;
      });
      return c.json(zone, 200);
    },
  )
  .route('/', zoneTimelineRoutes);
