-- Organizations (ministries, governorate offices, donors, partners) and the people who belong to them.

create table organizations (
  id             integer generated always as identity primary key,
  slug           text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  kind           text not null check (kind in ('ministry', 'governorate_office', 'donor', 'partner')),
  name_en        text not null check (name_en <> ''),
  name_ar        text not null check (name_ar <> ''),
  country_iso3   char(3) references countries (iso3) on delete restrict,
  admin_area_id  integer references admin_areas (id) on delete restrict,
  created_at     timestamptz not null default now(),
  check (kind <> 'governorate_office' or admin_area_id is not null)
);
comment on table organizations is 'A ministry, a governorate office, or a donor/partner agency (UNDP, GIZ, EU, ...).';
comment on column organizations.country_iso3 is 'The country a ministry or office belongs to; null for international donors.';

create table users (
  id               integer generated always as identity primary key,
  organization_id  integer not null references organizations (id) on delete restrict,
  email            text not null check (email = lower(email) and email like '%_@_%'),
  display_name     text not null check (display_name <> ''),
  role             text not null check (role in ('admin', 'minister', 'viewer', 'engineer', 'donor')),
  password_hash    text,
  created_at       timestamptz not null default now(),
  disabled_at      timestamptz,
  unique (email)
);
comment on table users is 'People who sign in. The role decides what they may read and write.';
comment on column users.password_hash is 'argon2id/bcrypt hash; null means the account cannot sign in with a password.';

create table user_admin_areas (
  user_id        integer not null references users (id) on delete cascade,
  admin_area_id  integer not null references admin_areas (id) on delete restrict,
  primary key (user_id, admin_area_id)
);
comment on table user_admin_areas is 'The governorates an engineer is responsible for (may write projects in).';
