import type { Database } from '@marsad/db';
import { compress } from 'hono/compress';
import './http/validationMessages.ts'; // side effect: how zod words a missing field
import { ANONYMOUS } from './access/Viewer.ts';
import { LoginRateLimit } from './auth/loginRateLimit.ts';
import { SessionCache } from './auth/SessionCache.ts';
import { sessionMiddleware } from './auth/sessionMiddleware.ts';
import type { Config } from './config.ts';
import { DatabaseReadiness } from './database/DatabaseReadiness.ts';
import { bumpDataVersionOnWrite } from './http/bumpDataVersionOnWrite.ts';
import { errorHandler, notFoundHandler } from './http/errorHandler.ts';
import { jsonBodyLimits } from './http/jsonBodyLimits.ts';
import { methodNotAllowed } from './http/methodNotAllowed.ts';
import { refuseOversizedRequestHead } from './http/requestHeadLimits.ts';
import { requestLogger } from './http/requestLogger.ts';
import { createRouter } from './http/router.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { refuseControlCharactersInUrl } from './http/textInput.ts';
import { webApp } from './http/webApp.ts';
import { adminRoutes } from './admin/routes.ts';
import { auth } from './routes/auth.ts';
import { meRoutes } from './me/routes.ts';
import { photoUploadRoutes } from './photos/uploads/routes.ts';
import { boundaries } from './routes/boundaries.ts';
import { clientConfig } from './routes/clientConfig.ts';
import { exports } from './routes/exports.ts';
import { fieldRoutes } from './field/routes.ts';
import { health } from './routes/health.ts';
import { imports } from './routes/imports.ts';
import { ogc } from './routes/ogc.ts';
import { organizations } from './routes/organizations.ts';
import { projectRoutes } from './projects/routes.ts';
import { indicatorRoutes } from './plans/indicators/routes.ts';
import { returnRoutes } from './plans/returns/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { summaries } from './routes/summaries.ts';
import { tileRoutes } from './routes/tiles.ts';
import { investorRoutes } from './investors/routes.ts';
import { zoneRoutes } from './zones/routes.ts';
import { plotActivityRoutes } from './zones/activities/routes.ts';
import { obstacleRoutes } from './obstacles/routes.ts';
import { responsibleBodyRoutes } from './obstacles/responsibleBodyRoutes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { decisionRoutes } from './meetings/decisionRoutes.ts';
import { briefRoutes } from './briefs/routes.ts';
import { changeRoutes } from './changes/routes.ts';
import { conflictRoutes } from './fieldSync/conflicts/routes.ts';
import { ChromiumPrinter } from './briefs/chromiumPrinter.ts';
import { readCache } from './cache/readCache.ts';
import { ResponseCache } from './cache/ResponseCache.ts';
import { DataVersion } from './tiles/DataVersion.ts';
import { TileCache } from './tiles/TileCache.ts';
import { tileEncoderFor } from './tiles/tileEncoderFor.ts';
import { TileService } from './tiles/TileService.ts';

export interface AppDependencies {
  db: Database;
  config: Config;
  /** Prints briefs; one of its own when not given (main.ts gives one, to close its browser on shutdown). */
  briefPrinter?: ChromiumPrinter;
}

/** The whole HTTP surface: API, tiles, OpenAPI document and the built web app, on one origin. */
export function createApp({ db, config, briefPrinter = new ChromiumPrinter(config) }: AppDependencies) {
  const tileEncoder = tileEncoderFor(db.engine);
  const dataVersion = new DataVersion(db);
  void dataVersion.refresh().catch(() => {});
  dataVersion.watch(config.DATA_VERSION_POLL_SECONDS);
  const readiness = new DatabaseReadiness(db);
  readiness.start();
  const tiles = new TileService(db, tileEncoder, new TileCache(config.TILE_CACHE_MB * 1024 * 1024), dataVersion);
  const loginRateLimit = new LoginRateLimit();
  const sessions = new SessionCache(config.SESSION_CACHE_SECONDS);
  const app = createRouter();

  if (config.LOG_REQUESTS) app.use('*', requestLogger());
  app.use('*', securityHeaders(config));
  app.use('*', refuseOversizedRequestHead);
  app.use('*', refuseControlCharactersInUrl);
  app.use('*', methodNotAllowed(() => app.routes));
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    c.set('tileEncoder', tileEncoder);
    c.set('tiles', tiles);
    c.set('dataVersion', dataVersion);
    c.set('readiness', readiness);
    c.set('loginRateLimit', loginRateLimit);
    c.set('sessions', sessions);
    c.set('briefPrinter', briefPrinter);
    c.set('viewer', ANONYMOUS);
    await next();
  });
  // Before the session lookup: health answers never wait for the database (see routes/health.ts).
  app.route('/api/health', health);
  for (const path of ['/api/*', '/tiles/*', '/ogc/*']) app.use(path, sessionMiddleware);
  app.use('/api/*', jsonBodyLimits);
  app.use('/api/*', bumpDataVersionOnWrite);
  // Text-like responses only (JSON, GeoJSON, CSV, JS, CSS, fonts): compress() skips the rest.
  app.use('*', compress());
  // Repeated reads (summaries, lists, OGC pages...) from memory, keyed by data version and visibility scope.
  app.use('*', readCache(new ResponseCache(config.RESPONSE_CACHE_MB * 1024 * 1024)));

  app.route('/api/auth', auth);
  app.route('/api/me', meRoutes);
  app.route('/api/photo-uploads', photoUploadRoutes);
  app.route('/api/admin', adminRoutes);
  app.route('/api/config', clientConfig);
  app.route('/api/organizations', organizations);
  app.route('/api/boundaries', boundaries);
  app.route('/api/projects', projectRoutes);
  app.route('/api/exports', exports);
  app.route('/api/field', fieldRoutes);
  app.route('/api/imports', imports);
  app.route('/api/summaries', summaries);
  app.route('/api/indicators', indicatorRoutes);
  app.route('/api/plans', planRoutes);
  app.route('/api/returns', returnRoutes);
  app.route('/api/zones', zoneRoutes);
  app.route('/api/investors', investorRoutes);
  app.route('/api/plot-activities', plotActivityRoutes);
  app.route('/api/obstacles', obstacleRoutes);
  app.route('/api/responsible-bodies', responsibleBodyRoutes);
  app.route('/api/meetings', meetingRoutes);
  app.route('/api/decisions', decisionRoutes);
  app.route('/api/briefs', briefRoutes);
  app.route('/api/changes', changeRoutes);
  app.route('/api/conflicts', conflictRoutes);
  app.route('/tiles', tileRoutes);
  app.route('/ogc', ogc);

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Marsad API',
      version: '0.1.0',
      description: 'Development projects and industrial zones by governorate. Errors are RFC 9457 problem+json.',
    },
  });

  app.all('/api/*', notFoundHandler);
  app.all('/tiles/*', notFoundHandler);
  app.route('/', webApp(config.WEB_DIST));

  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

export type MarsadApp = ReturnType<typeof createApp>;
