import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@marsad/db';
import type { ChromiumPrinter } from '../briefs/chromiumPrinter.ts';
import type { Config } from '../config.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { LoginRateLimit } from '../auth/loginRateLimit.ts';
import type { SessionCache } from '../auth/SessionCache.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { DatabaseReadiness } from '../database/DatabaseReadiness.ts';
import type { DataVersion } from '../tiles/DataVersion.ts';
import type { TileEncoder } from '../tiles/TileEncoder.ts';
import type { TileService } from '../tiles/TileService.ts';
import { withMediaTypeCheck } from './mediaTypes.ts';
import { invalidParameters } from './problems.ts';
import { assertPlainText } from './textInput.ts';

/** What every handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Database;
    config: Config;
    tileEncoder: TileEncoder;
    tiles: TileService;
    /** Moves on after every successful write (bumpDataVersionOnWrite.ts), so caches let go of older answers. */
    dataVersion: DataVersion;
    /** Set by a successful write that changed nothing (an import's dry run): the data version stays. */
    wroteNothing?: boolean;
    /** Who is asking: the signed-in user, or anonymous (see auth/sessionMiddleware.ts). */
    viewer: Viewer;
    /** The signed-in session, if any. */
    session?: { user: SessionUser; csrfToken: string; token: string };
    loginRateLimit: LoginRateLimit;
    /** Sessions recently looked up (see auth/SessionCache.ts). */
    sessions: SessionCache;
    /** Whether the database answers, as the background probe last saw it. */
    readiness: DatabaseReadiness;
    /** The one headless Chromium that prints briefs (briefs/chromiumPrinter.ts). */
    briefPrinter: ChromiumPrinter;
  };
}

/**
 * A router whose request validation failures all become the same 400 problem, naming each
 * invalid parameter, and whose valid input is plain text (no control characters) and of a
 * declared media type (else 415 naming them). Every resource file creates its router here.
 */
export function createRouter() {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return assertPlainText(result.data);
      const errors = result.error.issues.map((issue) => ({
        parameter: issue.path.length ? issue.path.join('.') : '(body)',
        message: issue.message,
      }));
      throw invalidParameters(errors);
    },
  });
  return withMediaTypeCheck(router);
}
