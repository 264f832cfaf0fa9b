-- The monthly steps of 0015 summed per governorate, publication and status, weighted by each
-- project's budget: a governorate's timeline for anonymous callers and staff is then a few
-- dozen rows, whatever the number of projects. Kept by adding and subtracting contributions:
-- when steps come and go (progress_month_steps), and when a project with steps changes
-- governorate, publication, status or budget. Only sums, so concurrent writers each add theirs.

create table timeline_months (
  admin_area_id  integer not null references admin_areas (id) on delete cascade,
  is_published   boolean not null,
  status         text not null,
  month          date not null,
  -- Steps of sum(budget × physical progress), sum(budget × financial progress), of the budgets
  -- (above 0) of projects reporting for the first time, and of how many report for the first time.
  weighted       numeric not null,
  spent_x100     numeric not null,
  budget         numeric not null,
  reporting      bigint not null,
  primary key (admin_area_id, is_published, status, month)
);
comment on table timeline_months is 'progress_month_steps summed per governorate, publication, status and month, budget-weighted (see 0018).';

-- Adds (sign 1) or subtracts (sign -1) the contributions of steps, as jsonb rows
-- {admin_area_id, is_published, status, budget, month, physical_step, financial_step, first_report}.
create function timeline_months_apply(steps jsonb, sign integer) returns void
language sql volatile as $$
  insert into timeline_months as t (admin_area_id, is_published, status, month, weighted, spent_x100, budget, reporting)
  select admin_area_id, is_published, status, month,
         sign * coalesce(sum(budget * physical_step), 0), sign * coalesce(sum(coalesce(budget, 0) * financial_step), 0),
         sign * coalesce(sum(budget) filter (where first_report and budget > 0), 0), sign * count(*) filter (where first_report)
    from jsonb_to_recordset(steps) as s (admin_area_id integer, is_published boolean, status text, budget numeric, month date,
                                         physical_step numeric, financial_step numeric, first_report boolean)
   group by admin_area_id, is_published, status, month
   order by admin_area_id, is_published, status, month -- one lock order for every writer
  on conflict (admin_area_id, is_published, status, month) do update
     set weighted = t.weighted + excluded.weighted,
         spent_x100 = t.spent_x100 + excluded.spent_x100,
         budget = t.budget + excluded.budget,
         reporting = t.reporting + excluded.reporting;
$$;

create function timeline_months_after_steps_insert() returns trigger
language plpgsql volatile as $$
begin
  perform timeline_months_apply(
    (select jsonb_agg(jsonb_build_object('admin_area_id', p.admin_area_id, 'is_published', p.is_published, 'status', p.status,
                                         'budget', p.budget, 'month', s.month, 'physical_step', s.physical_step,
                                         'financial_step', s.financial_step, 'first_report', s.first_report))
       from new_rows s join projects p on p.id = s.project_id),
    1);
  return null;
end $$;

create function timeline_months_after_steps_delete() returns trigger
language plpgsql volatile as $$
begin
  perform timeline_months_apply(
    (select jsonb_agg(jsonb_build_object('admin_area_id', p.admin_area_id, 'is_published', p.is_published, 'status', p.status,
                                         'budget', p.budget, 'month', s.month, 'physical_step', s.physical_step,
                                         'financial_step', s.financial_step, 'first_report', s.first_report))
       from old_rows s join projects p on p.id = s.project_id),
    -1);
  return null;
end $$;

create trigger timeline_months_after_steps_insert after insert on progress_month_steps
  referencing new table as new_rows for each statement execute function timeline_months_after_steps_insert();
create trigger timeline_months_after_steps_delete after delete on progress_month_steps
  referencing old table as old_rows for each statement execute function timeline_months_after_steps_delete();

-- A project that moves (governorate, publication, status, budget) takes its steps along.
create function timeline_months_after_project_update() returns trigger
language plpgsql volatile as $$
declare
  moved bigint[];
begin
  select array_agg(n.id) into moved
    from old_rows o join new_rows n on n.id = o.id
   where (o.admin_area_id, o.is_published, o.status, o.budget) is distinct from (n.admin_area_id, n.is_published, n.status, n.budget);
  if moved is null then
    return null;
  end if;
  perform timeline_months_apply(
    (select jsonb_agg(jsonb_build_object('admin_area_id', o.admin_area_id, 'is_published', o.is_published, 'status', o.status,
                                         'budget', o.budget, 'month', s.month, 'physical_step', s.physical_step,
                                         'financial_step', s.financial_step, 'first_report', s.first_report))
       from old_rows o join progress_month_steps s on s.project_id = o.id where o.id = any(moved)),
    -1);
  perform timeline_months_apply(
    (select jsonb_agg(jsonb_build_object('admin_area_id', n.admin_area_id, 'is_published', n.is_published, 'status', n.status,
                                         'budget', n.budget, 'month', s.month, 'physical_step', s.physical_step,
                                         'financial_step', s.financial_step, 'first_report', s.first_report))
       from new_rows n join progress_month_steps s on s.project_id = n.id where n.id = any(moved)),
    1);
  return null;
end $$;

create trigger timeline_months_after_project_update after update on projects
  referencing old table as old_rows new table as new_rows for each statement execute function timeline_months_after_project_update();

-- A deleted project takes its steps along while it still exists to say where they were counted
-- (the cascade would come after the row is gone).
create function timeline_months_before_project_delete() returns trigger
language plpgsql volatile as $$
begin
  delete from progress_month_steps where project_id = old.id;
  return old;
end $$;

create trigger timeline_months_before_project_delete before delete on projects
  for each row execute function timeline_months_before_project_delete();

insert into timeline_months (admin_area_id, is_published, status, month, weighted, spent_x100, budget, reporting)
select p.admin_area_id, p.is_published, p.status, s.month,
       coalesce(sum(p.budget * s.physical_step), 0), coalesce(sum(coalesce(p.budget, 0) * s.financial_step), 0),
       coalesce(sum(p.budget) filter (where s.first_report and p.budget > 0), 0), count(*) filter (where s.first_report)
  from progress_month_steps s join projects p on p.id = s.project_id
 group by p.admin_area_id, p.is_published, p.status, s.month;
