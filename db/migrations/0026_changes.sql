-- What changed (issue 15): the progress reports of a period are read by date, and each signed-in
-- user's previous visit is kept so "since my last visit" works on every device.

-- Reports dated in a period (the last week or month): a range scan, whatever the history's size.
create index progress_updates_reported_on_idx on progress_updates (reported_on) include (project_id);

-- One row per user: when they last opened the dashboard, and when their visit before this one
-- ended. A visit is a run of openings less than an hour apart (see api/src/changes/visits.ts).
create table user_visits (
  user_id           integer primary key references users (id) on delete cascade,
  last_seen_at      timestamptz not null,
  previous_visit_at timestamptz
);
comment on table user_visits is 'When each user last opened the dashboard and when their previous visit ended: "what changed since my last visit".';
