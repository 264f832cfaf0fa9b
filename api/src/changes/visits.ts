import type { VisitAnswer } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';

/** Openings of the dashboard less than this far apart are one visit: a reload does not move "your last visit". */
export const VISIT_GAP = '1 hour';

/**
 * Records that `userId` opened the dashboard now and returns when their previous visit ended. One
 * statement on one row (migration 0026): concurrent openings queue on the row's lock, each sees the
 * one before it, and none can lose the previous visit. A visit is a run of openings less than
 * VISIT_GAP apart; the previous visit is the last opening of the run before this one.
 */
export async function recordVisit(db: Queryable, userId: number): Promise<VisitAnswer> {
  const [row] = await db.query<VisitAnswer>(
    `insert into user_visits as v (user_id, last_seen_at) values ($1, now())
     on conflict (user_id) do update
        set previous_visit_at = case when v.last_seen_at < now() - $2::interval then v.last_seen_at else v.previous_visit_at end,
            last_seen_at = greatest(v.last_seen_at, now())
     returning to_char(previous_visit_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as previous_visit,
               to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as this_visit`,
    [userId, VISIT_GAP],
  );
  return row!;
}
