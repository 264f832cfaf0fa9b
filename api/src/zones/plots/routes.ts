import { createRoute, z } from '@hono/zod-openapi';
import { NewPlot, PLOT_STATUSES, PlotChange, PlotDetail, PlotList, PlotMerge, PlotSplit, PlotStatusChange, SavedPlots, type HeldForReview } from '@marsad/contracts';
import { withActor, type Queryable } from '@marsad/db';
import type { SignedInViewer } from '../../access/Viewer.ts';
import { IdempotencyHeaders, idempotentWrite, REPLAY_HEADERS, REUSED_KEY, type WriteOutcome } from '../../fieldSync/idempotentWrite.ts';
import { HELD_FOR_REVIEW, judgePlotStatusChange } from '../../fieldSync/staleWrites.ts';
import { named } from '../../http/openApiNames.ts';
import { json, jsonBody } from '../../http/openApiRoutes.ts';
import { canonicalWholeNumber, pathId } from '../../http/pathId.ts';
import { notFound } from '../../http/problems.ts';
import { requireUser } from '../../http/requireUser.ts';
import { createRouter } from '../../http/router.ts';
import { isZoneVisible, loadZoneForWrite, zoneNotFound, type ZoneForWrite } from '../zoneAccess.ts';
import { findPlot, plotHistory, plotRows } from './plotQueries.ts';
import { changePlot, changePlotStatus, createPlot, deletePlot, mergePlots, splitPlot } from './plotWrites.ts';

/**
 * `/api/zones/{id}/plots…`: a zone's plots, read by whoever sees the zone (who holds each only by
 * the ministry: plotQueries.ts) and written by whoever may write it (loadZoneForWrite), each write
 * answering with the plots as they now are (SavedPlots).
 */

const ZoneParams = z.object({ id: pathId('id') });
const PlotParams = z.object({ id: pathId('id'), plotId: pathId('plotId') });

/** `a,b` in a query string, each item one of `values`. */
const commaList = <T extends string>(values: readonly [T, ...T[]], example: string, description: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      const wrong = parts.filter((part) => !(values as readonly string[]).includes(part));
      if (wrong.length) {
        ctx.addIssue({ code: 'custom', message: `"${wrong[0]}" is not one of ${values.join(', ')}` });
        return z.NEVER;
      }
      return parts as T[];
    })
    .optional()
    .openapi({ example, description: `${description} Comma-separated.` });

const ACTIVITY_CODE = /^[a-z][a-z0-9_]{1,40}$/;

const ListQuery = z.object({
  status: commaList(PLOT_STATUSES, 'vacant,reserved', 'Plot statuses.'),
  activity: z
    .string()
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      const wrong = parts.find((part) => !ACTIVITY_CODE.test(part));
      if (wrong !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${wrong}" is not an activity code such as food_processing` });
        return z.NEVER;
      }
      return parts;
    })
    .optional()
    .openapi({ example: 'food_processing,textiles', description: 'Activity codes (plot_activities). Comma-separated.' }),
  vacant_only: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').openapi({ description: 'Only vacant plots (offered to investors).' }),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Part of a plot number, an activity name, or (ministry only) an investor name.' }),
  format: z.enum(['json', 'geojson']).default('json').openapi({ description: 'json: the plots; geojson: a FeatureCollection with their outlines.' }),
});

const DeleteQuery = z.object({
  version: canonicalWholeNumber(1, 2 ** 31 - 1).openapi({ description: 'The version of the plot you read; 409 if it changed since.', example: '1' }),
});

const signedIn = requireUser('Sign in to change plots');
const WRITE = { tags: ['Zones'], middleware: [signedIn] as [typeof signedIn] };
const WRITE_ERRORS = {
  401: { description: 'Not signed in' },
  403: { description: 'Not allowed to change this zone: only its governorate’s engineers and admins may' },
  404: { description: 'No such zone or plot, or not visible' },
};
const SAVED = { description: 'The plots as they now are, and those removed', content: json(named(SavedPlots, 'SavedPlots')) };

/** What loadZoneForWrite's refusal says a plot writer may not do. */
const WRITE_PLOTS = 'change the plots of';

/** A write to zone `id`'s plots, as `user`: in one transaction naming them, after loadZoneForWrite has locked the zone. */
const writeZone = <T>(db: Parameters<typeof withActor>[0], user: SignedInViewer, zoneId: number, work: (tx: Queryable, zone: ZoneForWrite) => Promise<T>) =>
  withActor(db, user.userId, async (tx) => work(tx, await loadZoneForWrite(tx, zoneId, user, WRITE_PLOTS)));

export const plotRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/plots',
      tags: ['Zones'],
      summary: "A zone's plots under filters (who holds each: ministry only)",
      request: { params: ZoneParams, query: ListQuery },
      responses: {
        200: {
          description: 'The plots (format=json), or a GeoJSON FeatureCollection of them (format=geojson)',
          content: { ...json(named(PlotList, 'PlotList')), 'application/geo+json': { schema: z.any() } },
        },
        400: { description: 'Invalid parameters' },
        404: { description: 'No such zone, or not visible' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { status, activity, vacant_only, q, format } = c.req.valid('query');
      const { total, rows } = await plotRows(c.var.db, { zoneId: id, status, activity, vacantOnly: vacant_only, q }, c.var.viewer, {
        withGeometry: format === 'geojson',
      });
      // Plots found mean a visible zone; only an empty answer needs to ask whether the zone is there at all.
      if (rows.length === 0 && !(await isZoneVisible(c.var.db, id, c.var.viewer))) throw zoneNotFound(id);
      if (format === 'geojson') {
        const features = rows.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry, properties }));
        return c.body(JSON.stringify({ type: 'FeatureCollection', numberMatched: total, numberReturned: rows.length, features }), 200, {
          'content-type': 'application/geo+json',
        }) as never;
      }
      return c.json({ total, items: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/plots/{plotId}',
      tags: ['Zones'],
      summary: 'One plot: its facts, outline and history of changes (who holds it: ministry only)',
      request: { params: PlotParams },
      responses: {
        200: { description: 'The plot', content: json(named(PlotDetail, 'PlotDetail')) },
        404: { description: 'No such zone or plot, or not visible' },
      },
    }),
    async (c) => {
      const { id, plotId } = c.req.valid('param');
      const plot = await findPlot(c.var.db, id, plotId, c.var.viewer);
      if (!plot) {
        if (!(await isZoneVisible(c.var.db, id, c.var.viewer))) throw zoneNotFound(id);
        throw notFound(`Zone ${id} has no plot ${plotId}`);
      }
      const history = await plotHistory(c.var.db, plotId, c.var.viewer);
      return c.json({ ...plot, geometry: plot.geometry!, history }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/plots',
      ...WRITE,
      summary: 'Draw a plot (vacant) in a zone',
      request: { params: ZoneParams, body: jsonBody(NewPlot) },
      responses: {
        201: SAVED,
        400: { description: 'Invalid fields or geometry, or a plot outside the zone or overlapping another (named)' },
        409: { description: 'The plot number is taken in this zone' },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await writeZone(c.var.db, c.var.user, id, (tx, zone) => createPlot(tx, zone, c.var.user, body)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/plots/status',
      ...WRITE,
      summary: 'Change the status of one or many plots, all or nothing (allocate, withdraw…)',
      description: 'A plot named with a stale `version` and a `base` is still changed when its status and investor did not move since; if one did, the whole change is held for review (202).',
      request: { params: ZoneParams, headers: IdempotencyHeaders, body: jsonBody(PlotStatusChange) },
      responses: {
        200: { ...SAVED, headers: REPLAY_HEADERS },
        202: { description: 'Held for review: a plot’s status or investor moved since its `base`; nothing changed', headers: REPLAY_HEADERS, content: json(HELD_FOR_REVIEW) },
        400: { description: 'Invalid fields: a holding status without an investor, a withdrawal without a note' },
        409: { description: 'Some plots changed since their `version` (named) and carry no `base`; nothing saved' },
        422: { description: `Some plots cannot go to this status (named, with why); nothing saved. ${REUSED_KEY}` },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return idempotentWrite(c, body, async (tx): Promise<WriteOutcome<SavedPlots | HeldForReview>> => {
        const zone = await loadZoneForWrite(tx, id, c.var.user, WRITE_PLOTS);
        const judged = await judgePlotStatusChange(tx, zone, body, c.var.user);
        if ('held' in judged) return judged.held;
        return { status: 200, body: await changePlotStatus(tx, zone, c.var.user, judged.apply) };
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/plots/merge',
      ...WRITE,
      summary: 'Merge adjoining plots of one status and investor into one',
      request: { params: ZoneParams, body: jsonBody(PlotMerge) },
      responses: {
        200: SAVED,
        400: { description: 'Invalid fields' },
        409: { description: 'Some plots changed since their `version`, or the plot number is taken' },
        422: { description: 'The plots do not adjoin, or differ in status or investor' },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await writeZone(c.var.db, c.var.user, id, (tx, zone) => mergePlots(tx, zone, c.var.user, body)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/plots/{plotId}',
      ...WRITE,
      summary: "Change a plot's facts or outline (send the version you read; 409 if it changed since)",
      request: { params: PlotParams, headers: IdempotencyHeaders, body: jsonBody(PlotChange) },
      responses: {
        200: { ...SAVED, headers: REPLAY_HEADERS },
        400: { description: 'Invalid fields or geometry, or a plot outside the zone or overlapping another (named)' },
        409: { description: 'Changed by someone else since `version` (`current_version` given), or the plot number is taken' },
        422: { description: REUSED_KEY },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id, plotId } = c.req.valid('param');
      const body = c.req.valid('json');
      return idempotentWrite(c, body, async (tx): Promise<WriteOutcome<SavedPlots>> => {
        const zone = await loadZoneForWrite(tx, id, c.var.user, WRITE_PLOTS);
        return { status: 200, body: await changePlot(tx, zone, c.var.user, plotId, body) };
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/plots/{plotId}',
      ...WRITE,
      summary: 'Delete a vacant plot (send the version you read)',
      request: { params: PlotParams, query: DeleteQuery },
      responses: {
        200: SAVED,
        409: { description: 'Changed by someone else since `version`' },
        422: { description: 'The plot is not vacant' },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id, plotId } = c.req.valid('param');
      const { version } = c.req.valid('query');
      return c.json(await writeZone(c.var.db, c.var.user, id, (tx, zone) => deletePlot(tx, zone, plotId, version)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/plots/{plotId}/split',
      ...WRITE,
      summary: 'Split a vacant plot by a line drawn across it',
      request: { params: PlotParams, body: jsonBody(PlotSplit) },
      responses: {
        200: SAVED,
        400: { description: 'The line does not cut the plot in two, or invalid fields' },
        409: { description: 'Changed by someone else since `version`, or a new number is taken' },
        422: { description: 'The plot is not vacant' },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const { id, plotId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await writeZone(c.var.db, c.var.user, id, (tx, zone) => splitPlot(tx, zone, c.var.user, plotId, body)), 200);
    },
  );
