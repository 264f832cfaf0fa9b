-- Signed-in sessions. The browser holds a random token in an httpOnly cookie; only its SHA-256
-- is stored, so a copy of this table does not let anyone sign in.

create table sessions (
  token_hash    text primary key,
  user_id       integer not null references users (id) on delete cascade,
  csrf_token    text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  last_seen_at  timestamptz not null default now()
);
comment on table sessions is 'Signed-in browser sessions: SHA-256 of the cookie token, the CSRF token, expiry.';
create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (expires_at);
