import type { DecisionRef } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import type { Viewer } from '../access/Viewer.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { DECISION_FROM_SQL, decisionWhere } from './decisionQueries.ts';

export interface DecisionScope {
  country?: string;
  /** ISO 3166-2: decisions on this governorate's projects, or taken in a meeting covering it. */
  governorate?: string;
}

/**
 * Open decisions past their due date that `viewer` may see, the longest overdue first: for the
 * minister's view and the brief. Names in `language` (the owner body, or the owner's name).
 */
export async function overdueDecisions(db: Queryable, viewer: Viewer, scope: DecisionScope, limit: number, language: 'ar' | 'en' = 'ar'): Promise<DecisionRef[]> {
  const params = new SqlParams();
  const where = decisionWhere(viewer, params, { ...scope, overdue: true });
  const english = language === 'en';
  return db.query<DecisionRef>(
    `select d.id::int, d.meeting_id, ${english ? 'coalesce(m.title_en, m.title_ar)' : 'm.title_ar'} as meeting_title, d.text,
            coalesce(${english ? 'coalesce(b.name_en, b.name_ar)' : 'b.name_ar'}, u.display_name, '') as owner,
            to_char(d.due_date, 'YYYY-MM-DD') as due_date, (current_date - d.due_date)::int as days_overdue,
            case when p.id is null then null
                 else json_build_object('id', p.id, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) end as project
       from ${DECISION_FROM_SQL}
      where ${where.join(' and ')}
      order by d.due_date, d.id
      limit ${params.add(limit)}`,
    params.values,
  );
}
