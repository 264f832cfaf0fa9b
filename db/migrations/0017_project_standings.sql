-- Per-governorate standings without reading every project: the summary metrics that do not
-- depend on the date, summed per governorate, publication and status, kept by triggers on
-- projects. "Delayed" and "stale" depend on today, so they are counted at query time from two
-- narrow partial indexes over open projects (see api/src/summaries/projectStandings.ts).

create table project_standings (
  admin_area_id    integer not null references admin_areas (id) on delete cascade,
  is_published     boolean not null,
  status           text not null,
  projects         bigint not null,
  budget_total     numeric not null,
  -- sum(budget × financial progress): budget_spent × 100, kept whole so sums stay exact.
  spent_x100       numeric not null,
  -- sum(budget × physical progress) and sum(budget) over budgets above 0: progress_weighted's parts.
  weighted         numeric not null,
  budget_positive  numeric not null,
  last_update_on   date,
  primary key (admin_area_id, is_published, status)
);
comment on table project_standings is 'Summary metrics per governorate, publication and status (see 0017). Derived from projects by triggers.';

-- Applies project rows entering (`added`) and leaving (`removed`) groups, as jsonb arrays of
-- {admin_area_id, is_published, status, budget, physical_progress, financial_progress,
-- last_update_on}: work in proportion to the rows changed, whatever the size of the groups.
-- Sums are added to the group's row (concurrent writers queue on it and each adds to the latest
-- version). A group's latest update can only be raised that way: when a row that held it leaves,
-- the group's row is locked first and the maximum then read afresh, so every writer that changed
-- the group before has committed and is seen.
create function project_standings_apply(added jsonb, removed jsonb) returns void
language plpgsql volatile as $$
begin
  with rows as (
    select r.*, 1 as sign from jsonb_to_recordset(coalesce(added, '[]')) as r (
      admin_area_id integer, is_published boolean, status text, budget numeric, physical_progress numeric,
      financial_progress numeric, last_update_on date)
    union all
    select r.*, -1 from jsonb_to_recordset(coalesce(removed, '[]')) as r (
      admin_area_id integer, is_published boolean, status text, budget numeric, physical_progress numeric,
      financial_progress numeric, last_update_on date))
  insert into project_standings as s (admin_area_id, is_published, status, projects, budget_total, spent_x100, weighted,
                                      budget_positive, last_update_on)
  select admin_area_id, is_published, status, sum(sign), sum(sign * coalesce(budget, 0)),
         sum(sign * coalesce(budget, 0) * financial_progress), sum(sign * coalesce(budget * physical_progress, 0)),
         sum(sign * case when budget > 0 then budget else 0 end), max(last_update_on) filter (where sign = 1)
    from rows
   group by admin_area_id, is_published, status
   order by admin_area_id, is_published, status -- one lock order for every writer
  on conflict (admin_area_id, is_published, status) do update
     set projects = s.projects + excluded.projects,
         budget_total = s.budget_total + excluded.budget_total,
         spent_x100 = s.spent_x100 + excluded.spent_x100,
         weighted = s.weighted + excluded.weighted,
         budget_positive = s.budget_positive + excluded.budget_positive,
         last_update_on = greatest(s.last_update_on, excluded.last_update_on);

  if exists (select 1 from jsonb_to_recordset(coalesce(removed, '[]')) as r (admin_area_id integer, is_published boolean, status text, last_update_on date)
               join project_standings s using (admin_area_id, is_published, status)
              where r.last_update_on >= s.last_update_on) then
    -- Locked by the statement above already; the next statement's snapshot sees all who queued before.
    update project_standings s
       set last_update_on = (select max(p.last_update_on) from projects p
                              where p.admin_area_id = s.admin_area_id and p.is_published = s.is_published and p.status = s.status)
      from (select distinct admin_area_id, is_published, status
              from jsonb_to_recordset(removed) as r (admin_area_id integer, is_published boolean, status text, last_update_on date)
             where r.last_update_on is not null) r
     where s.admin_area_id = r.admin_area_id and s.is_published = r.is_published and s.status = r.status;
  end if;
end $$;

create function project_standings_after_insert() returns trigger
language plpgsql volatile as $$
begin
  perform project_standings_apply(
    (select jsonb_agg(jsonb_build_object('admin_area_id', admin_area_id, 'is_published', is_published, 'status', status, 'budget', budget,
                                         'physical_progress', physical_progress, 'financial_progress', financial_progress,
                                         'last_update_on', last_update_on)) from new_rows),
    null);
  return null;
end $$;

create function project_standings_after_update() returns trigger
language plpgsql volatile as $$
declare
  added jsonb;
  removed jsonb;
begin
  -- Only rows whose summed columns changed: a new title leaves the standings alone.
  select jsonb_agg(jsonb_build_object('admin_area_id', n.admin_area_id, 'is_published', n.is_published, 'status', n.status, 'budget', n.budget,
                                      'physical_progress', n.physical_progress, 'financial_progress', n.financial_progress,
                                      'last_update_on', n.last_update_on)),
         jsonb_agg(jsonb_build_object('admin_area_id', o.admin_area_id, 'is_published', o.is_published, 'status', o.status, 'budget', o.budget,
                                      'physical_progress', o.physical_progress, 'financial_progress', o.financial_progress,
                                      'last_update_on', o.last_update_on))
    into added, removed
    from old_rows o join new_rows n on n.id = o.id
   where (o.admin_area_id, o.is_published, o.status, o.budget, o.physical_progress, o.financial_progress, o.last_update_on)
         is distinct from (n.admin_area_id, n.is_published, n.status, n.budget, n.physical_progress, n.financial_progress, n.last_update_on);
  if added is not null then
    perform project_standings_apply(added, removed);
  end if;
  return null;
end $$;

create function project_standings_after_delete() returns trigger
language plpgsql volatile as $$
begin
  perform project_standings_apply(
    null,
    (select jsonb_agg(jsonb_build_object('admin_area_id', admin_area_id, 'is_published', is_published, 'status', status, 'budget', budget,
                                         'physical_progress', physical_progress, 'financial_progress', financial_progress,
                                         'last_update_on', last_update_on)) from old_rows));
  return null;
end $$;
create trigger project_standings_after_insert after insert on projects
  referencing new table as new_rows for each statement execute function project_standings_after_insert();
create trigger project_standings_after_update after update on projects
  referencing old table as old_rows new table as new_rows for each statement execute function project_standings_after_update();
create trigger project_standings_after_delete after delete on projects
  referencing old table as old_rows for each statement execute function project_standings_after_delete();

insert into project_standings (admin_area_id, is_published, status, projects, budget_total, spent_x100, weighted, budget_positive, last_update_on)
select admin_area_id, is_published, status, count(*), coalesce(sum(budget), 0), coalesce(sum(coalesce(budget, 0) * financial_progress), 0),
       coalesce(sum(budget * physical_progress), 0), coalesce(sum(budget) filter (where budget > 0), 0), max(last_update_on)
  from projects
 group by admin_area_id, is_published, status;

-- A group's latest update, read afresh when the row that held it leaves (project_standings_apply).
create index projects_standing_last_update_idx on projects (admin_area_id, is_published, status, last_update_on);

-- Open projects by planned end and by last update: today's delayed and stale are range scans.
create index projects_open_planned_end_idx on projects (planned_end) include (admin_area_id, is_published, status)
  where status not in ('completed', 'cancelled');
create index projects_open_last_update_idx on projects (last_update_on) include (admin_area_id, is_published, status, created_at)
  where status not in ('completed', 'cancelled');
