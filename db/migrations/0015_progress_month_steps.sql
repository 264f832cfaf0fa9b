-- Where a project stood at each month's end, as steps: for every month in which a project
-- reported, how far its latest report of that month moved physical and financial progress from
-- the month before. Summing a project's steps up to month m gives its standing at m's end, so a
-- governorate's timeline is one aggregate over a few rows per project instead of a lookup per
-- project and month in the whole history. Kept by the progress trigger below; budgets, status,
-- governorate and visibility are read from projects at query time, so edits need nothing here.

create table progress_month_steps (
  project_id       bigint not null references projects (id) on delete cascade,
  month            date not null check (month = date_trunc('month', month)::date),
  physical_step    numeric(6, 2) not null,
  financial_step   numeric(6, 2) not null,
  -- The month of the project's first report: from then on it counts as reporting.
  first_report     boolean not null,
  primary key (project_id, month) include (physical_step, financial_step, first_report)
);
comment on table progress_month_steps is 'Per project and month with reports: the change of standing at the month''s end (see 0015). Derived from progress_updates.';

-- Recomputes the steps of the given projects from their whole history (a few rows each).
create function progress_month_steps_refresh(ids bigint[]) returns void
language sql volatile as $$
  delete from progress_month_steps where project_id = any(ids);
  insert into progress_month_steps (project_id, month, physical_step, financial_step, first_report)
  select project_id, month, physical_step, financial_step, first_report
    from (select project_id, month,
                 physical_progress - coalesce(lag(physical_progress) over w, 0) as physical_step,
                 financial_progress - coalesce(lag(financial_progress) over w, 0) as financial_step,
                 lag(month) over w is null as first_report
            from (select distinct on (project_id, date_trunc('month', reported_on))
                         project_id, date_trunc('month', reported_on)::date as month, physical_progress, financial_progress
                    from progress_updates
                   where project_id = any(ids)
                   order by project_id, date_trunc('month', reported_on), reported_on desc, id desc) month_ends
          window w as (partition by project_id order by month)) steps
   where first_report or physical_step <> 0 or financial_step <> 0;
$$;

-- Statement-level like progress_updates_apply_latest: a bulk load of updates recomputes each project once.
create function progress_updates_apply_steps() returns trigger
language plpgsql volatile as $$
begin
  perform progress_month_steps_refresh(array(select distinct project_id from new_rows));
  return null;
end $$;

create trigger progress_updates_apply_steps
  after insert on progress_updates
  referencing new table as new_rows
  for each statement execute function progress_updates_apply_steps();

select progress_month_steps_refresh(array(select id from projects));
