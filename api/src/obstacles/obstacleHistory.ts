import type { EscalationLevel, ObstacleHistoryEntry } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';

/**
 * An obstacle's history, newest first: its audit log entries (raised, changed) and its
 * escalations, which say from which level to which and why. Call after checking the obstacle is
 * visible. Fields are named as people read them: `responsible_body` with the body's name instead
 * of `responsible_body_id`; bookkeeping (ids, versions, level_since) is left out, and a level
 * change shows as its escalation, not twice.
 */

/** Audit fields shown, in the order a form shows them; responsible_body_id becomes responsible_body. */
const SHOWN = [
  'title', 'description', 'category', 'responsible_body_id', 'severity', 'estimated_delay_days', 'target_date', 'status', 'resolution_note', 'ended_at',
] as const;
const SHOWN_AT_RAISING = [...SHOWN, 'level'] as const;

interface Row {
  at: string;
  actor: string | null;
  source: 'audit' | 'escalation';
  action: string | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  from_level: EscalationLevel | null;
  to_level: EscalationLevel | null;
  reason: string | null;
  was_proposed: boolean | null;
}

export async function obstacleHistory(db: Queryable, id: number, language: 'ar' | 'en'): Promise<ObstacleHistoryEntry[]> {
  const rows = await db.query<Row>(
    `select to_char(h.t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, u.display_name as actor, h.source, h.action,
            h.old_values, h.new_values, h.from_level, h.to_level, h.reason, h.was_proposed
       from (select l.occurred_at as t, l.id as seq, 'audit' as source, l.action, l.old_values, l.new_values, l.actor_id as actor_id,
                    null::text as from_level, null::text as to_level, null::text as reason, null::boolean as was_proposed
               from audit_log l where l.table_name = 'obstacles' and l.row_key = $1::text
             union all
             select e.escalated_at, e.id, 'escalation', null, null, null, e.escalated_by, e.from_level, e.to_level, e.reason, e.was_proposed
               from obstacle_escalations e where e.obstacle_id = $2) h
       left join users u on u.id = h.actor_id
      order by h.t desc, h.source desc, h.seq desc
      limit 500`,
    [String(id), id],
  );
  const bodyIds = new Set<number>();
  for (const row of rows) {
    for (const values of [row.old_values, row.new_values]) {
      const body = values?.responsible_body_id;
      if (typeof body === 'number') bodyIds.add(body);
    }
  }
  const bodies = new Map<number, string>();
  if (bodyIds.size > 0) {
    const named = await db.query<{ id: number; name: string }>(
      `select id, ${language === 'en' ? 'coalesce(name_en, name_ar)' : 'name_ar'} as name from responsible_bodies where id = any($1::int[])`,
      [[...bodyIds]],
    );
    for (const body of named) bodies.set(body.id, body.name);
  }
  const entries: ObstacleHistoryEntry[] = [];
  for (const row of rows) {
    if (row.source === 'escalation') {
      entries.push({
        at: row.at, actor: row.actor, kind: 'escalated', changes: {}, from_level: row.from_level, to_level: row.to_level, reason: row.reason,
        was_proposed: row.was_proposed,
      });
      continue;
    }
    const raised = row.action === 'insert';
    const changes: ObstacleHistoryEntry['changes'] = {};
    for (const field of raised ? SHOWN_AT_RAISING : SHOWN) {
      const from = row.old_values?.[field] ?? null;
      const to = row.new_values?.[field] ?? null;
      if (raised ? to === null : !(row.old_values && field in row.old_values) && !(row.new_values && field in row.new_values)) continue;
      if (field === 'responsible_body_id') {
        const name = (value: unknown) => (typeof value === 'number' ? (bodies.get(value) ?? `#${value}`) : null);
        changes.responsible_body = { from: name(from), to: name(to) };
      } else {
        changes[field] = { from, to };
      }
    }
    // An update that only moved the level is shown by its escalation.
    if (!raised && Object.keys(changes).length === 0) continue;
    entries.push({ at: row.at, actor: row.actor, kind: raised ? 'raised' : 'changed', changes, from_level: null, to_level: null, reason: null, was_proposed: null });
  }
  return entries;
}
