-- What blocks the work and who must act: obstacles on projects (zones are projects), how they
-- climb from the governorate to an inter-ministerial meeting, the meetings that review them and
-- the decisions taken there, followed until they are done. Every row is audited with its
-- project, so a project's history shows its obstacles; escalations and agendas are append-only.

-- Who may have to act: other ministries, agencies, utilities, contractors… a list the ministry keeps.
create table responsible_bodies (
  id            integer generated always as identity primary key,
  -- No foreign key: the bodies below are listed before a deployment loads its countries.
  country_iso3  char(3) check (country_iso3 ~ '^[A-Z]{3}$'),
  kind          text not null check (kind in ('ministry', 'agency', 'governorate', 'municipality', 'utility', 'contractor', 'donor', 'other')),
  name_ar       text not null check (length(btrim(name_ar)) between 2 and 200),
  name_en       text check (length(btrim(name_en)) between 2 and 200),
  is_active     boolean not null default true,
  version       integer not null default 1,
  created_at    timestamptz not null default now()
);
comment on table responsible_bodies is 'Bodies that must act on obstacles and decisions (ministries, agencies, utilities, contractors); country null for international bodies.';
create unique index responsible_bodies_name on responsible_bodies (coalesce(country_iso3, '---'), lower(btrim(name_ar)));

create table obstacles (
  id                    bigint generated always as identity primary key,
  project_id            bigint not null references projects (id) on delete cascade,
  title                 text not null check (length(btrim(title)) between 3 and 200),
  description           text check (length(description) <= 4000),
  category              text not null check (category in ('land', 'permits', 'funding_release', 'contractor', 'design_change',
                                                          'security_access', 'utilities', 'other_ministry', 'other')),
  responsible_body_id   integer references responsible_bodies (id) on delete restrict,
  severity              text not null check (severity in ('low', 'medium', 'high', 'critical')),
  estimated_delay_days  integer check (estimated_delay_days between 0 and 3650),
  level                 text not null default 'governorate'
                          check (level in ('governorate', 'directorate', 'minister', 'inter_ministerial')),
  level_since           timestamptz not null default now(),
  status                text not null default 'open'
                          check (status in ('open', 'in_progress', 'waiting_other_body', 'resolved', 'closed', 'dropped')),
  target_date           date,
  raised_by             integer references users (id) on delete set null,
  raised_at             timestamptz not null default now(),
  ended_at              timestamptz,
  resolution_note       text check (length(resolution_note) <= 4000),
  version               integer not null default 1,
  updated_at            timestamptz not null default now(),
  -- An obstacle waiting for another body names it; an ended one says when it ended.
  check (status <> 'waiting_other_body' or responsible_body_id is not null),
  check ((status in ('resolved', 'closed', 'dropped')) = (ended_at is not null))
);
comment on table obstacles is 'What blocks a project (or zone): category, who must act, severity, the level it has reached, its status. Active: open, in_progress, waiting_other_body.';
comment on column obstacles.level is 'Where it is handled: governorate → ministry directorate → minister → inter-ministerial meeting.';
comment on column obstacles.level_since is 'When it reached its current level (for escalation proposals: too long at one level).';
comment on column obstacles.ended_at is 'When it was resolved, closed or dropped; null while active.';
create index obstacles_project_idx on obstacles (project_id);
create index obstacles_active_idx on obstacles (level, severity) where status in ('open', 'in_progress', 'waiting_other_body');
create index obstacles_raised_idx on obstacles (raised_at);

create function obstacles_bump_version() returns trigger
language plpgsql as $$
begin
  if row(new.*) is distinct from row(old.*) then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end $$;
create trigger obstacles_bump_version before update on obstacles
  for each row execute function obstacles_bump_version();

-- Each climb (or step down) of an obstacle, with who moved it and why. Append-only.
create table obstacle_escalations (
  id            bigint generated always as identity primary key,
  obstacle_id   bigint not null references obstacles (id) on delete cascade,
  project_id    bigint not null,
  from_level    text not null,
  to_level      text not null,
  reason        text not null check (length(btrim(reason)) between 3 and 2000),
  was_proposed  boolean not null default false,
  escalated_by  integer references users (id) on delete set null,
  escalated_at  timestamptz not null default now()
);
comment on table obstacle_escalations is 'Every change of an obstacle''s level, with its reason; was_proposed when the system had proposed it.';
create index obstacle_escalations_obstacle_idx on obstacle_escalations (obstacle_id, escalated_at);

-- A review meeting at a level: governors with the minister, mayors with an undersecretary, a
-- follow-up committee with other ministries and a donor.
create table meetings (
  id                  integer generated always as identity primary key,
  country_iso3        char(3) not null references countries (iso3) on delete restrict,
  level               text not null check (level in ('governorate', 'directorate', 'minister', 'inter_ministerial')),
  title_ar            text not null check (length(btrim(title_ar)) between 3 and 200),
  title_en            text check (length(btrim(title_en)) between 3 and 200),
  held_on             date not null,
  freeze_days         smallint not null check (freeze_days between 0 and 60),
  agenda_frozen_at    timestamptz,
  status              text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
  minutes             text check (length(minutes) <= 20000),
  created_by          integer references users (id) on delete set null,
  created_at          timestamptz not null default now(),
  version             integer not null default 1,
  updated_at          timestamptz not null default now()
);
comment on table meetings is 'A review meeting; its agenda is built from the obstacles at its level in its scope until held_on − freeze_days, then frozen (meeting_agenda_items).';
comment on column meetings.agenda_frozen_at is 'When the agenda was frozen; from then its items never change.';
create trigger meetings_bump_version before update on meetings
  for each row execute function obstacles_bump_version();

-- What a meeting covers: governorates, projects (an agreement's projects), and the organizations
-- taking part (a donor in a follow-up committee sees the meeting through its shared projects).
create table meeting_governorates (
  meeting_id     integer not null references meetings (id) on delete cascade,
  admin_area_id  integer not null references admin_areas (id) on delete restrict,
  primary key (meeting_id, admin_area_id)
);
create table meeting_projects (
  meeting_id  integer not null references meetings (id) on delete cascade,
  project_id  bigint not null references projects (id) on delete cascade,
  primary key (meeting_id, project_id)
);
create table meeting_organizations (
  meeting_id       integer not null references meetings (id) on delete cascade,
  organization_id  integer not null references organizations (id) on delete cascade,
  primary key (meeting_id, organization_id)
);

-- The frozen agenda: the obstacles as they stood when it froze.
create table meeting_agenda_items (
  meeting_id   integer not null references meetings (id) on delete cascade,
  position     smallint not null check (position >= 1),
  obstacle_id  bigint not null references obstacles (id) on delete restrict,
  project_id   bigint not null,
  snapshot     jsonb not null,
  primary key (meeting_id, position),
  unique (meeting_id, obstacle_id)
);
comment on table meeting_agenda_items is 'A frozen agenda: each obstacle with its state at freezing (snapshot). Written once, when the agenda freezes.';

create function meeting_agenda_items_frozen() returns trigger
language plpgsql as $$
begin
  if pg_trigger_depth() > 1 and tg_op = 'DELETE' then
    return old; -- a meeting deleted as a whole
  end if;
  if tg_op <> 'INSERT' or (select agenda_frozen_at from meetings where id = new.meeting_id) is not null then
    raise exception 'A frozen agenda does not change'
      using errcode = 'restrict_violation';
  end if;
  return new;
end $$;
create trigger meeting_agenda_items_frozen
  before insert or update or delete on meeting_agenda_items
  for each row execute function meeting_agenda_items_frozen();

-- A direction taken in a meeting: who must do what by when, open until closed with a note.
create table decisions (
  id                 bigint generated always as identity primary key,
  meeting_id         integer not null references meetings (id) on delete cascade,
  obstacle_id        bigint references obstacles (id) on delete set null,
  project_id         bigint references projects (id) on delete cascade,
  text               text not null check (length(btrim(text)) between 3 and 4000),
  owner_body_id      integer references responsible_bodies (id) on delete restrict,
  owner_user_id      integer references users (id) on delete set null,
  due_date           date not null,
  status             text not null default 'open' check (status in ('open', 'closed')),
  closed_at          timestamptz,
  closed_by          integer references users (id) on delete set null,
  closing_note       text check (length(closing_note) <= 4000),
  closing_document   text check (length(closing_document) <= 500),
  version            integer not null default 1,
  created_by         integer references users (id) on delete set null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  check (owner_body_id is not null or owner_user_id is not null),
  -- A decision stays open until it is closed with a note (and, when there is one, a document).
  check ((status = 'closed') = (closed_at is not null)),
  check (status = 'open' or length(btrim(closing_note)) >= 3)
);
comment on table decisions is 'Directions taken in a meeting; open until closed with a note; overdue when open past due_date.';
comment on column decisions.closing_document is 'Reference of the document that closed it (an outgoing letter number, a file name).';
create index decisions_meeting_idx on decisions (meeting_id);
create index decisions_open_idx on decisions (due_date) where status = 'open';
create index decisions_project_idx on decisions (project_id) where project_id is not null;
create trigger decisions_bump_version before update on decisions
  for each row execute function obstacles_bump_version();

create function forbid_change_append_only() returns trigger
language plpgsql as $$
begin
  if pg_trigger_depth() > 1 and tg_op = 'DELETE' then
    return old; -- deleted with its parent
  end if;
  raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger obstacle_escalations_append_only before update or delete on obstacle_escalations
  for each row execute function forbid_change_append_only();

create trigger audit after insert or update or delete on responsible_bodies
  for each row execute function audit_record();
create trigger audit after insert or update or delete on obstacles
  for each row execute function audit_record();
create trigger audit after insert on obstacle_escalations
  for each row execute function audit_record();
create trigger audit after insert or update or delete on meetings
  for each row execute function audit_record();
create trigger audit after insert or delete on meeting_governorates
  for each row execute function audit_record();
create trigger audit after insert or delete on meeting_projects
  for each row execute function audit_record();
create trigger audit after insert or delete on meeting_organizations
  for each row execute function audit_record();
create trigger audit after insert on meeting_agenda_items
  for each row execute function audit_record();
create trigger audit after insert or update or delete on decisions
  for each row execute function audit_record();

-- Bodies every deployment starts with; the ministry adds its own.
insert into responsible_bodies (country_iso3, kind, name_ar, name_en) values
  ('SYR', 'ministry', 'وزارة الكهرباء', 'Ministry of Electricity'),
  ('SYR', 'ministry', 'وزارة الموارد المائية', 'Ministry of Water Resources'),
  ('SYR', 'ministry', 'وزارة المالية', 'Ministry of Finance'),
  ('SYR', 'ministry', 'وزارة النفط والثروة المعدنية', 'Ministry of Oil and Mineral Resources'),
  ('SYR', 'ministry', 'وزارة الأشغال العامة والإسكان', 'Ministry of Public Works and Housing'),
  ('SYR', 'ministry', 'وزارة الداخلية', 'Ministry of Interior'),
  ('SYR', 'agency', 'هيئة التخطيط والتعاون الدولي', 'Planning and International Cooperation Commission'),
  ('SYR', 'agency', 'المديرية العامة للمصالح العقارية', 'General Directorate of Cadastral Affairs'),
  ('SYR', 'utility', 'المؤسسة العامة لنقل وتوزيع الكهرباء', 'Public Establishment for Electricity Transmission and Distribution'),
  ('LBY', 'ministry', 'وزارة الكهرباء والطاقات المتجددة', 'Ministry of Electricity and Renewable Energy'),
  ('LBY', 'ministry', 'وزارة التخطيط', 'Ministry of Planning'),
  ('LBY', 'ministry', 'وزارة المالية', 'Ministry of Finance'),
  ('LBY', 'utility', 'الشركة العامة للكهرباء', 'General Electricity Company of Libya'),
  ('LBY', 'agency', 'جهاز تنفيذ مشروعات الإسكان والمرافق', 'Housing and Infrastructure Board'),
  ('SAU', 'ministry', 'وزارة البيئة والمياه والزراعة', 'Ministry of Environment, Water and Agriculture'),
  ('SAU', 'ministry', 'وزارة المالية', 'Ministry of Finance'),
  ('SAU', 'utility', 'الشركة السعودية للكهرباء', 'Saudi Electricity Company'),
  (null, 'donor', 'برنامج الأمم المتحدة الإنمائي', 'United Nations Development Programme');
