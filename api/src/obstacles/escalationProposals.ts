import { ESCALATION_LEVELS, type EscalationLevel } from '@marsad/contracts';
import type { Config } from '../config.ts';
import type { SqlParams } from '../sql/SqlParams.ts';

/**
 * When the system proposes escalating an obstacle, and who must act on it: computed at read time,
 * in SQL, so that lists can filter on it (`proposed=true`) and the overview can count it.
 *
 * An ACTIVE obstacle below the top level is proposed for the next level up when
 * (a) it is critical and its target date has passed (`critical_past_target`), or
 * (b) it has sat at its current level for MORE than the configured number of whole days
 *     (OBSTACLE_DAYS_AT_GOVERNORATE / _DIRECTORATE / _MINISTER), counted from level_since
 *     (`too_long_at_level`).
 * (a) wins when both hold. Nothing is ever proposed at the inter-ministerial meeting: there is no
 * higher level.
 */

/** Days an obstacle may stay at each level before escalation is proposed (none at the top). */
export type EscalationThresholds = Record<Exclude<EscalationLevel, 'inter_ministerial'>, number>;

export const thresholdsOf = (config: Config): EscalationThresholds => ({
  governorate: config.OBSTACLE_DAYS_AT_GOVERNORATE,
  directorate: config.OBSTACLE_DAYS_AT_DIRECTORATE,
  minister: config.OBSTACLE_DAYS_AT_MINISTER,
});

/** The level above `level`, or null at the top. */
export function nextLevel(level: EscalationLevel): EscalationLevel | null {
  return ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1] ?? null;
}

/** Ordinal of a level (0 at the governorate), in SQL. */
export const levelRankSql = (level: string) => `array_position(array['governorate','directorate','minister','inter_ministerial']::text[], ${level})`;

/** The next level of the obstacle `o`, in SQL (null at the top). */
export const nextLevelSql = (alias = 'o') =>
  `(case ${alias}.level when 'governorate' then 'directorate' when 'directorate' then 'minister' when 'minister' then 'inter_ministerial' end)`;

/** Active statuses, in SQL. */
export const ACTIVE_SQL = (alias = 'o') => `${alias}.status in ('open', 'in_progress', 'waiting_other_body')`;

/**
 * A lateral join, named `proposal`, giving for obstacle `alias`: `days_at_level` (whole days since
 * level_since), `threshold_days` (its level's threshold, null at the top) and `reason` (null when
 * nothing is proposed). Join it after `obstacles ${alias}`.
 */
export function proposalJoin(thresholds: EscalationThresholds, params: SqlParams, alias = 'o'): string {
  const g = params.add(thresholds.governorate);
  const d = params.add(thresholds.directorate);
  const m = params.add(thresholds.minister);
  return `cross join lateral (
            select lv.days_at_level, lv.threshold_days,
                   case when ${ACTIVE_SQL(alias)} and ${alias}.level <> 'inter_ministerial' then
                     case when ${alias}.severity = 'critical' and ${alias}.target_date < current_date then 'critical_past_target'
                          when lv.days_at_level > lv.threshold_days then 'too_long_at_level' end
                   end as reason
              from (select floor(extract(epoch from (now() - ${alias}.level_since)) / 86400)::int as days_at_level,
                           (case ${alias}.level when 'governorate' then ${g}::int when 'directorate' then ${d}::int
                                                when 'minister' then ${m}::int end) as threshold_days) lv
          ) proposal`;
}

/** The EscalationProposal (or null) of the `proposal` join, as JSON. */
export const proposalJsonSql = (alias = 'o') =>
  `case when proposal.reason is null then null
        else json_build_object('reason', proposal.reason, 'to_level', ${nextLevelSql(alias)}, 'days_at_level', proposal.days_at_level,
                               'threshold_days', case when proposal.reason = 'too_long_at_level' then proposal.threshold_days else 0 end) end`;

/**
 * Who must act now (MustAct), as JSON: the body it waits for when waiting_other_body, else the
 * holder of its level. `body` is the LEFT JOINed responsible_bodies row.
 */
export const mustActJsonSql = (alias = 'o', body = 'b') =>
  `json_build_object(
     'level', ${alias}.level,
     'role', case when ${alias}.status = 'waiting_other_body' then 'responsible_body'
                  else case ${alias}.level when 'governorate' then 'governorate_engineers' when 'directorate' then 'ministry_directorate'
                                           when 'minister' then 'minister' else 'inter_ministerial_meeting' end end,
     'body', case when ${alias}.status = 'waiting_other_body' and ${body}.id is not null
                  then json_build_object('id', ${body}.id, 'name_ar', ${body}.name_ar, 'name_en', ${body}.name_en) end)`;
