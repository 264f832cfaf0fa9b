-- Progress is history: an append-only list of reports. The project's current state follows the latest one.

create table progress_updates (
  id                  bigint generated always as identity primary key,
  project_id          bigint not null references projects (id) on delete cascade,
  reported_on         date not null,
  status              text not null
                        check (status in ('planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled')),
  physical_progress   numeric(5, 2) not null check (physical_progress between 0 and 100),
  financial_progress  numeric(5, 2) not null check (financial_progress between 0 and 100),
  note                text,
  author_id           integer references users (id) on delete set null,
  created_at          timestamptz not null default now()
);
comment on table progress_updates is 'Append-only progress reports; a correction is a new row. projects.status etc. mirror the latest.';
create index progress_updates_project_idx on progress_updates (project_id, reported_on desc, id desc);

create function progress_updates_forbid_change() returns trigger
language plpgsql as $$
begin
  -- Deleting a project cascades here (trigger depth > 1); any other change would rewrite history.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'progress_updates is append-only: post a new update instead of changing one'
    using errcode = 'restrict_violation';
end $$;

create trigger progress_updates_append_only
  before update or delete on progress_updates
  for each row execute function progress_updates_forbid_change();

-- Statement-level, so a bulk insert of a million updates costs one pass over the projects.
create function progress_updates_apply_latest() returns trigger
language plpgsql volatile as $$
begin
  update projects p
     set status = n.status,
         physical_progress = n.physical_progress,
         financial_progress = n.financial_progress,
         last_update_on = n.reported_on
    from (select distinct on (project_id) project_id, status, physical_progress, financial_progress, reported_on
            from new_rows
           order by project_id, reported_on desc, id desc) n
   where p.id = n.project_id
     and (p.last_update_on is null or n.reported_on >= p.last_update_on);
  return null;
end $$;

create trigger progress_updates_apply_latest
  after insert on progress_updates
  referencing new table as new_rows
  for each statement execute function progress_updates_apply_latest();
