-- Photos taken on site and sent with a progress report. They belong to that report and, like it,
-- are never changed or removed: a wrong photo is corrected by a new report.

create table progress_photos (
  id            bigint generated always as identity primary key,
  update_id     bigint not null references progress_updates (id) on delete cascade,
  project_id    bigint not null references projects (id) on delete cascade,
  position      smallint not null check (position >= 1),
  content_type  text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  width         integer not null check (width > 0),
  height        integer not null check (height > 0),
  byte_size     integer generated always as (octet_length(bytes)) stored,
  sha256        text generated always as (encode(sha256(bytes), 'hex')) stored,
  created_by    integer references users (id) on delete set null,
  created_at    timestamptz not null default now(),
  bytes         bytea not null check (octet_length(bytes) between 1 and 5242880),
  unique (update_id, position)
);
comment on table progress_photos is 'Append-only photos of a progress report (JPEG, PNG or WebP, at most 5 MB each).';
comment on column progress_photos.project_id is 'Always the project of update_id (set by a trigger): visibility and the audit log need no join.';
comment on column progress_photos.content_type is 'Decided from the image''s first bytes by the API, never from what the client declared.';
comment on column progress_photos.sha256 is 'Names the bytes: the HTTP ETag, and what the audit log records instead of the image.';
-- Photos are already compressed: storing them uncompressed spares a pointless pglz attempt.
alter table progress_photos alter column bytes set storage external;
create index progress_photos_project_idx on progress_photos (project_id, update_id, position);

create function progress_photos_take_project() returns trigger
language plpgsql as $$
begin
  select u.project_id into new.project_id from progress_updates u where u.id = new.update_id;
  return new;
end $$;

create trigger progress_photos_take_project
  before insert on progress_photos
  for each row execute function progress_photos_take_project();

create function progress_photos_forbid_change() returns trigger
language plpgsql as $$
begin
  -- Deleting a project cascades here (trigger depth > 1); any other change would rewrite history.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'progress_photos is append-only: post a new report instead of changing a photo'
    using errcode = 'restrict_violation';
end $$;

create trigger progress_photos_append_only
  before update or delete on progress_photos
  for each row execute function progress_photos_forbid_change();

-- 0008's audit_record would copy the whole row, image included, into the log. Photos get their
-- own variant: the same entry, with the image's size and sha256 but never its bytes.
create function audit_progress_photo() returns trigger
language plpgsql volatile as $$
declare
  shown progress_photos;
begin
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  shown := new;
  shown.bytes := null;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          'insert', tg_table_name, shown.id::text, shown.project_id,
          null, to_jsonb(shown) - 'bytes');
  return null;
end $$;

create trigger audit after insert on progress_photos
  for each row execute function audit_progress_photo();
