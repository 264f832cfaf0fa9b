-- Every write is recorded: who, when, which row, and what changed from -> to.

create table audit_log (
  id           bigint generated always as identity primary key,
  occurred_at  timestamptz not null default now(),
  actor_id     integer references users (id) on delete set null,
  action       text not null check (action in ('insert', 'update', 'delete', 'bulk_load')),
  table_name   text not null,
  row_key      text,
  project_id   bigint,
  old_values   jsonb,
  new_values   jsonb
);
comment on table audit_log is 'Append-only record of writes. old_values/new_values hold only the columns that changed.';
comment on column audit_log.actor_id is 'From the transaction setting marsad.actor_id, which the API sets for every write.';
comment on column audit_log.project_id is 'The project the row belongs to, so a project''s history timeline is one index scan.';
create index audit_log_project_idx on audit_log (project_id, occurred_at desc) where project_id is not null;

create function audit_record() returns trigger
language plpgsql volatile as $$
declare
  old_j jsonb;
  new_j jsonb;
  row_j jsonb;
  changed_old jsonb;
  changed_new jsonb;
begin
  -- The demo/bulk loader writes one 'bulk_load' entry for the whole load instead of one per row;
  -- checked first, so a bulk load pays nothing for the rows it does not log.
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  old_j := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_j := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_j := coalesce(new_j, old_j);
  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, o.value), jsonb_object_agg(n.key, n.value)
      into changed_old, changed_new
      from jsonb_each(new_j) n left join jsonb_each(old_j) o on o.key = n.key
     where o.value is distinct from n.value
       -- Bookkeeping and derived columns (0009's search_text, 0010's label_point) are not changes anyone made.
       and n.key not in ('version', 'updated_at', 'search_text', 'label_point');
    if changed_new is null then
      return null;
    end if;
  else
    changed_old := old_j;
    changed_new := new_j;
  end if;
  -- Never copy secrets into the log: a changed password shows as a changed key only.
  if changed_old ? 'password_hash' then changed_old := changed_old || '{"password_hash": "***"}'; end if;
  if changed_new ? 'password_hash' then changed_new := changed_new || '{"password_hash": "***"}'; end if;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          lower(tg_op), tg_table_name,
          coalesce(row_j ->> 'id', row_j ->> 'project_id', row_j ->> 'user_id'),
          case when tg_table_name = 'projects' then (row_j ->> 'id')::bigint
               else (row_j ->> 'project_id')::bigint end,
          changed_old, changed_new);
  return null;
end $$;

create trigger audit after insert or update or delete on projects
  for each row execute function audit_record();
create trigger audit after insert or update or delete on zone_facts
  for each row execute function audit_record();
create trigger audit after insert or update or delete on project_funding
  for each row execute function audit_record();
create trigger audit after insert on progress_updates
  for each row execute function audit_record();
create trigger audit after insert or update or delete on project_shares
  for each row execute function audit_record();
create trigger audit after insert or update or delete on organizations
  for each row execute function audit_record();
create trigger audit after insert or update or delete on users
  for each row execute function audit_record();
create trigger audit after insert or update or delete on user_admin_areas
  for each row execute function audit_record();
