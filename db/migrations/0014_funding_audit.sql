-- 0008's audit_record keeps only the changed columns of an update and names the row by its
-- project, so a changed amount would not say whose it was. Funding entries always carry their
-- organization; everything else about them is logged as 0008 logs any row.

create function audit_project_funding() returns trigger
language plpgsql volatile as $$
declare
  old_j jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_j jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_j jsonb := coalesce(new_j, old_j);
  changed_old jsonb;
  changed_new jsonb;
begin
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, o.value), jsonb_object_agg(n.key, n.value)
      into changed_old, changed_new
      from jsonb_each(new_j) n left join jsonb_each(old_j) o on o.key = n.key
     where o.value is distinct from n.value;
    if changed_new is null then
      return null;
    end if;
    changed_old := changed_old || jsonb_build_object('organization_id', old.organization_id);
    changed_new := changed_new || jsonb_build_object('organization_id', new.organization_id);
  else
    changed_old := old_j;
    changed_new := new_j;
  end if;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          lower(tg_op), tg_table_name,
          (row_j ->> 'project_id') || '/' || (row_j ->> 'organization_id'),
          (row_j ->> 'project_id')::bigint,
          changed_old, changed_new);
  return null;
end $$;

drop trigger audit on project_funding;
create trigger audit after insert or update or delete on project_funding
  for each row execute function audit_project_funding();
