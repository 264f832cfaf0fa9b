-- Field work that survives a cut connection (issue 14): a write named by an idempotency key is
-- applied once however often the device sends it, and a write based on an older version whose
-- values moved meanwhile is kept as a conflict for review instead of overwriting newer data.

-- ---- Exactly once ---------------------------------------------------------------------------

create table idempotent_requests (
  user_id      integer not null references users (id) on delete cascade,
  key          uuid not null,
  method       text not null,
  path         text not null,
  fingerprint  text not null,
  status       smallint check (status between 200 and 299),
  response     jsonb,
  created_at   timestamptz not null default now(),
  primary key (user_id, key)
);
comment on table idempotent_requests is
  'One row per successful write sent with an Idempotency-Key: the same key again answers the stored result. '
  'The row is claimed inside the write''s transaction, so a refused write leaves none and a concurrent duplicate waits on the key. '
  'Bookkeeping, not data: not audited (the write it names is). Rows older than 30 days may be pruned.';
comment on column idempotent_requests.fingerprint is 'sha256 of the method, the path and the parsed body (canonical JSON, photos by their sha256)';
comment on column idempotent_requests.status is 'The answer''s status (2xx only), null only inside the claiming transaction';
create index idempotent_requests_created_idx on idempotent_requests (created_at);

-- ---- Held for review ------------------------------------------------------------------------

create table field_conflicts (
  id                 bigint generated always as identity primary key,
  kind               text not null check (kind in ('progress_report', 'project_edit', 'plot_status')),
  state              text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
  project_id         bigint not null references projects (id) on delete cascade,
  plot_ids           bigint[] not null default '{}',
  author_id          integer references users (id) on delete set null,
  field_date         date not null,
  received_at        timestamptz not null default now(),
  base_version       integer not null,
  base               jsonb,
  proposed           jsonb not null,
  request            jsonb not null,
  note               text,
  decided_by         integer references users (id) on delete set null,
  decided_at         timestamptz,
  decision_note      text,
  applied_report_id  bigint references progress_updates (id) on delete set null,
  check ((state = 'pending') = (decided_at is null)),
  check (state <> 'rejected' or decision_note is not null)
);
comment on table field_conflicts is
  'A write based on an older version whose values moved since: stored with its evidence, applied only once someone accepts it.';
comment on column field_conflicts.project_id is 'The project written (for plot_status, the zone): visibility, history and the audit log need no join.';
comment on column field_conflicts.field_date is 'A report''s reported_on; for other writes the day it reached the server.';
comment on column field_conflicts.base is 'What the writer saw of the values it changes (the request''s base)';
comment on column field_conflicts.proposed is 'The values the write changes, as the writer wanted them (shown beside base and current)';
comment on column field_conflicts.request is 'The write itself, as validated, applied at the then current version on accept (photos in field_conflict_photos)';
comment on column field_conflicts.applied_report_id is 'progress_report accepted: the report it became';
create index field_conflicts_project_idx on field_conflicts (project_id, received_at desc);
create index field_conflicts_pending_idx on field_conflicts (received_at desc) where state = 'pending';

create table field_conflict_photos (
  id            bigint generated always as identity primary key,
  conflict_id   bigint not null references field_conflicts (id) on delete cascade,
  project_id    bigint not null references projects (id) on delete cascade,
  position      smallint not null check (position >= 1),
  content_type  text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  width         integer not null check (width > 0),
  height        integer not null check (height > 0),
  byte_size     integer generated always as (octet_length(bytes)) stored,
  sha256        text generated always as (encode(sha256(bytes), 'hex')) stored,
  created_at    timestamptz not null default now(),
  bytes         bytea not null check (octet_length(bytes) between 1 and 5242880),
  unique (conflict_id, position)
);
comment on table field_conflict_photos is 'The photos of a held progress report, kept with it whatever is decided; copied to progress_photos on accept.';
alter table field_conflict_photos alter column bytes set storage external;

-- A conflict's decision is its only change; a held write is never rewritten.
create function field_conflicts_decide_once() returns trigger
language plpgsql as $$
begin
  if old.state <> 'pending' then
    raise exception 'field conflict % is already %', old.id, old.state using errcode = 'restrict_violation';
  end if;
  if (new.kind, new.project_id, new.plot_ids, new.author_id, new.field_date, new.base_version, new.base, new.proposed, new.request, new.note)
     is distinct from (old.kind, old.project_id, old.plot_ids, old.author_id, old.field_date, old.base_version, old.base, old.proposed, old.request, old.note) then
    raise exception 'a field conflict keeps what was held: only its decision may be written' using errcode = 'restrict_violation';
  end if;
  return new;
end $$;
create trigger field_conflicts_decide_once before update on field_conflicts
  for each row execute function field_conflicts_decide_once();

create trigger audit after insert or update or delete on field_conflicts
  for each row execute function audit_record();

-- Like 0013's progress photos: the entry names the image by size and sha256, never its bytes.
create function audit_field_conflict_photo() returns trigger
language plpgsql volatile as $$
begin
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          lower(tg_op), tg_table_name, coalesce(new.id, old.id)::text, coalesce(new.project_id, old.project_id),
          case when tg_op = 'DELETE' then to_jsonb(old) - 'bytes' end,
          case when tg_op = 'INSERT' then to_jsonb(new) - 'bytes' end);
  return null;
end $$;
create trigger audit after insert or delete on field_conflict_photos
  for each row execute function audit_field_conflict_photo();

-- ---- An accepted report becomes the current state -------------------------------------------

-- 0006 applies a report only when it is the latest by reported_on. A held report accepted later
-- keeps its original field date, which is usually older than the project's last report; the
-- reviewer decided it is the truth now, so it applies whatever its date, and last_update_on stays
-- the latest date reported.
alter table progress_updates add column accepted_on_review boolean not null default false;
comment on column progress_updates.accepted_on_review is
  'A held report accepted by a reviewer (field_conflicts.applied_report_id): it became the current state though its date may be older.';

create or replace function progress_updates_apply_latest() returns trigger
language plpgsql volatile as $$
begin
  update projects p
     set status = n.status,
         physical_progress = n.physical_progress,
         financial_progress = n.financial_progress,
         last_update_on = greatest(p.last_update_on, n.reported_on)
    from (select distinct on (project_id) project_id, status, physical_progress, financial_progress, reported_on, accepted_on_review
            from new_rows
           order by project_id, accepted_on_review desc, reported_on desc, id desc) n
   where p.id = n.project_id
     and (n.accepted_on_review or p.last_update_on is null or n.reported_on >= p.last_update_on);
  return null;
end $$;

-- The same for a zone's networks: an accepted report's lines become current whatever their date.
create or replace function zone_utility_reports_apply_latest() returns trigger
language plpgsql as $$
begin
  insert into zone_utilities as cur (zone_id, network, stage, readiness, reported_on, update_id)
  select distinct on (r.zone_id, r.network) r.zone_id, r.network, r.stage, r.readiness, u.reported_on, r.update_id
    from new_rows r join progress_updates u on u.id = r.update_id
   order by r.zone_id, r.network, u.accepted_on_review desc, u.reported_on desc, r.update_id desc
  on conflict (zone_id, network) do update
     set stage = excluded.stage, readiness = excluded.readiness, reported_on = excluded.reported_on, update_id = excluded.update_id
   where (excluded.reported_on, excluded.update_id) >= (cur.reported_on, cur.update_id)
      or (select u.accepted_on_review from progress_updates u where u.id = excluded.update_id);
  update zone_facts set plots_total = plots_total where project_id in (select distinct zone_id from new_rows);
  return null;
end $$;
