import type { DecisionRef } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { decisionVisibility } from '../access/obstacleAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import { SqlParams } from '../sql/SqlParams.ts';

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
  const where = [`d.status = 'open'`, `d.due_date < current_date`, decisionVisibility(viewer, params)];
  if (scope.country !== undefined) where.push(`m.country_iso3 = ${params.add(scope.country)}`);
  if (scope.governorate !== undefined) {
    const code = params.add(scope.governorate);
    where.push(`(a.code = ${code} or (p.id is null and exists (select 1 from meeting_governorates mg join admin_areas ga on ga.id = mg.admin_area_id
                                                            where mg.meeting_id = m.id and ga.code = ${code})))`);
  }
  const english = language === 'en';
  return db.query<DecisionRef>(
    `select d.id::int, d.meeting_id, ${english ? 'coalesce(m.title_en, m.title_ar)' : 'm.title_ar'} as meeting_title, d.text,
            coalesce(${english ? 'coalesce(b.name_en, b.name_ar)' : 'b.name_ar'}, u.display_name, '') as owner,
            to_char(d.due_date, 'YYYY-MM-DD') as due_date, (current_date - d.due_date)::int as days_overdue,
            case when p.id is null then null
                 else json_build_object('id', p.id, 'title_ar', p.title_ar, 'title_en', p.title_en, 'governorate', a.code) end as project
       from decisions d
       join meetings m on m.id = d.meeting_id
       left join projects p on p.id = d.project_id
       left join admin_areas a on a.id = p.admin_area_id
       left join responsible_bodies b on b.id = d.owner_body_id
       left join users u on u.id = d.owner_user_id
      where ${where.join(' and ')}
      order by d.due_date, d.id
      limit ${params.add(limit)}`,
    params.values,
  );
}
