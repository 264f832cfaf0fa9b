import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@marsad/db';
import type { Config } from '../config.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { LoginRateLimit } from '../auth/loginRateLimit.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { DatabaseReadiness } from '../database/DatabaseReadiness.ts';
import type { DataVersion } from '../tiles/DataVersion.ts';
import type { TileEncoder } from '../tiles/TileEncoder.ts';
import type { TileService } from '../tiles/TileService.ts';
import { ProblemError } from './problem.ts';

/** What every handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Database;
    config: Config;
    tileEncoder: TileEncoder;
    tiles: TileService;
    /** Bump after a write, so cached tiles are not served stale. */
    dataVersion: DataVersion;
    /** Who is asking: the signed-in user, or anonymous (see auth/sessionMiddleware.ts). */
    viewer: Viewer;
    /** The signed-in session, if any. */
    session?: { user: SessionUser; csrfToken: string; token: string };
    loginRateLimit: LoginRateLimit;
    /** Whether the database answers, as the background probe last saw it. */
    readiness: DatabaseReadiness;
  };
}

/**
 * A router whose request validation failures all become the same 400 problem, naming each
 * invalid parameter. Every resource file creates its router here.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        parameter: issue.path.length ? issue.path.join('.') : '(body)',
        message: issue.message,
      }));
      throw new ProblemError(
        400,
        'Invalid request',
        errors.map((e) => `${e.parameter}: ${e.message}`).join('; '),
        { errors },
      );
    },
  });
}
