-- Field work over a weak connection (issue 14). Photos are sent before their report, in small
-- parts appended one after the other, so a cut connection costs one part, not the photo; each is
-- named by the SHA-256 of its bytes, so sending it again stores nothing new. And a random key per
-- user, with which the device encrypts what it keeps for that user (outbox, drafts).

create table photo_uploads (
  user_id       integer not null references users (id) on delete cascade,
  sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size     integer not null check (byte_size between 1 and 5242880),
  bytes         bytea not null default ''::bytea,
  received      integer generated always as (octet_length(bytes)) stored,
  content_type  text check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  width         integer check (width > 0),
  height        integer check (height > 0),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  completed_at  timestamptz,
  primary key (user_id, sha256),
  check (octet_length(bytes) <= byte_size),
  -- The image facts are known exactly when the upload is complete.
  check (num_nulls(completed_at, content_type, width, height) in (0, 4)),
  -- A complete upload holds what its name says, whatever the API does.
  check (completed_at is null or (octet_length(bytes) = byte_size and encode(sha256(bytes), 'hex') = sha256))
);
comment on table photo_uploads is
  'Photos a user is sending (or has sent) in parts before naming them in a report by sha256. Private to their user; '
  'a report copies the bytes into progress_photos (audited there), so these rows are not audited. Incomplete ones '
  'untouched for 7 days and complete ones for 30 are pruned by the API.';
comment on column photo_uploads.bytes is 'The parts received so far, in order: the next part must start at octet_length(bytes).';
comment on column photo_uploads.updated_at is 'When a part last arrived (or the upload completed): what pruning goes by.';
comment on column photo_uploads.content_type is 'Read from the image''s first bytes once complete, never from what the client declared.';
alter table photo_uploads alter column bytes set storage external;
create index photo_uploads_updated_idx on photo_uploads (updated_at);

create table user_device_keys (
  user_id     integer primary key references users (id) on delete cascade,
  key         bytea not null check (octet_length(key) = 32),
  created_at  timestamptz not null default now()
);
comment on table user_device_keys is
  'One random 32-byte key per user, made on first ask (GET /api/me/device-key): the device encrypts the user''s outbox '
  'and drafts with it and forgets it at sign-out. Its own table rather than a column of users: the users audit '
  'trigger copies changed columns into audit_log, and a key must never be copied anywhere.';

-- The audit entry of a new key says whose and when, never the key.
create function audit_device_key() returns trigger
language plpgsql volatile as $$
begin
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          'insert', tg_table_name, new.user_id::text, null,
          null, jsonb_build_object('user_id', new.user_id, 'created_at', new.created_at));
  return null;
end $$;

create trigger audit after insert on user_device_keys
  for each row execute function audit_device_key();
