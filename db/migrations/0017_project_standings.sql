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

-- Recomputes the groups named in `keys` (admin_area_id, is_published, status) from projects.
-- Writers take one lock first, so two transactions never recompute from snapshots that miss
-- each other's changes: each statement after the lock sees every write committed before it.
create function project_standings_refresh(keys jsonb) returns void
language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(hashtext('project_standings'));
  delete from project_standings s
   using jsonb_to_recordset(keys) as k (admin_area_id integer, is_published boolean, status text)
   where s.admin_area_id = k.admin_area_id and s.is_published = k.is_published and s.status = k.status;
  insert into project_standings (admin_area_id, is_published, status, projects, budget_total, spent_x100, weighted,
                                 budget_positive, last_update_on)
  select p.admin_area_id, p.is_published, p.status, count(*), coalesce(sum(p.budget), 0),
         coalesce(sum(coalesce(p.budget, 0) * p.financial_progress), 0), coalesce(sum(p.budget * p.physical_progress), 0),
         coalesce(sum(p.budget) filter (where p.budget > 0), 0), max(p.last_update_on)
    from projects p
    join (select distinct * from jsonb_to_recordset(keys) as k (admin_area_id integer, is_published boolean, status text)) k
      on p.admin_area_id = k.admin_area_id and p.is_published = k.is_published and p.status = k.status
   group by p.admin_area_id, p.is_published, p.status;
end $$;

create function project_standings_after_insert() returns trigger
language plpgsql volatile as $$
begin
  perform project_standings_refresh(
    (select jsonb_agg(distinct jsonb_build_object('admin_area_id', admin_area_id, 'is_published', is_published, 'status', status))
       from new_rows));
  return null;
end $$;

create function project_standings_after_update() returns trigger
language plpgsql volatile as $$
declare
  keys jsonb;
begin
  -- Only rows whose summed columns changed: a new title leaves the standings alone.
  select jsonb_agg(distinct key) into keys
    from old_rows o join new_rows n on n.id = o.id,
         lateral (values (jsonb_build_object('admin_area_id', o.admin_area_id, 'is_published', o.is_published, 'status', o.status)),
                         (jsonb_build_object('admin_area_id', n.admin_area_id, 'is_published', n.is_published, 'status', n.status))) as k (key)
   where (o.admin_area_id, o.is_published, o.status, o.budget, o.physical_progress, o.financial_progress, o.last_update_on)
         is distinct from (n.admin_area_id, n.is_published, n.status, n.budget, n.physical_progress, n.financial_progress, n.last_update_on);
  if keys is not null then
    perform project_standings_refresh(keys);
  end if;
  return null;
end $$;

create function project_standings_after_delete() returns trigger
language plpgsql volatile as $$
begin
  perform project_standings_refresh(
    (select jsonb_agg(distinct jsonb_build_object('admin_area_id', admin_area_id, 'is_published', is_published, 'status', status))
       from old_rows));
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

-- Open projects by planned end and by last update: today's delayed and stale are range scans.
create index projects_open_planned_end_idx on projects (planned_end) include (admin_area_id, is_published, status)
  where status not in ('completed', 'cancelled');
create index projects_open_last_update_idx on projects (last_update_on) include (admin_area_id, is_published, status, created_at)
  where status not in ('completed', 'cancelled');
