-- Annual plans against what was achieved: an indicator catalogue, plans with versioned targets per
-- governorate phased by quarter, and the periodic returns (statistical forms) governorates send in.
-- See api/src/plans/ for how achieved values are computed and rolled up.

-- Planners draft plans; admins and ministers approve them (api/src/access/planAccess.ts).
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
  check (role in ('admin', 'minister', 'viewer', 'planner', 'engineer', 'donor'));

-- When a project reached 'completed', so "completed within the period" is one index range.
alter table projects add column completed_on date;
comment on column projects.completed_on is 'While completed: its actual end, else the date of its first report saying completed (kept by trigger).';

create function projects_keep_completed_on() returns trigger
language plpgsql volatile as $$
begin
  if new.status <> 'completed' then
    new.completed_on := null;
  elsif tg_op = 'INSERT' or old.status <> 'completed' or new.actual_end is distinct from old.actual_end then
    -- Completed is final (STATUS_TRANSITIONS), so the first report saying so is when it happened,
    -- even when a later report of the same batch is the one that set the status.
    new.completed_on := coalesce(new.actual_end,
                                 (select min(u.reported_on) from progress_updates u where u.project_id = new.id and u.status = 'completed'),
                                 new.last_update_on, current_date);
  end if;
  return new;
end $$;

create trigger projects_keep_completed_on
  before insert or update of status, actual_end, last_update_on on projects
  for each row execute function projects_keep_completed_on();

-- Backfill without the row triggers (versions, rollups and the audit log are not changed by it).
alter table projects disable trigger user;
update projects p
   set completed_on = coalesce(p.actual_end,
                               (select min(u.reported_on) from progress_updates u where u.project_id = p.id and u.status = 'completed'),
                               p.last_update_on, p.updated_at::date)
 where p.status = 'completed';
alter table projects enable trigger user;

-- A line's length, so "kilometres completed" sums an index column instead of reading geometries.
alter table projects add column length_km double precision
  generated always as (case when ST_Dimension(geom) = 1 then ST_Length(geom::geography) / 1000 else 0 end) stored;
comment on column projects.length_km is 'Length in km on the spheroid for a line (0 for points and polygons).';

-- Everything the completion-based indicators read, so they are an index-only range scan.
create index projects_completed_on_idx on projects (country_iso3, completed_on)
  include (admin_area_id, kind, sector_code, is_published, length_km, id) where status = 'completed';

create table indicators (
  code            text primary key check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name_en         text not null check (name_en <> ''),
  name_ar         text not null check (name_ar <> ''),
  unit_en         text not null check (unit_en <> ''),
  unit_ar         text not null check (unit_ar <> ''),
  better          text not null check (better in ('higher', 'lower')),
  rollup          text not null check (rollup in ('sum', 'rate')),
  temporal        text not null check (temporal in ('flow', 'stock')),
  rate_per        numeric check (rate_per > 0),
  source          text not null check (source in ('computed', 'reported')),
  definition      text check (definition in ('projects_completed', 'line_km_completed', 'zones_completed',
                                              'budget_spent', 'budget_execution', 'zone_plots_in_production')),
  filter_kind     text check (filter_kind in ('development_project', 'industrial_zone', 'craft_zone', 'service_centre')),
  filter_sector   text references sectors (code) on delete restrict,
  filter_development text check (filter_development in ('new', 'rehabilitation')),
  frequency       text check (frequency in ('monthly', 'quarterly')),
  return_due_days smallint not null default 15 check (return_due_days between 0 and 120),
  framework       text check (framework in ('SDG', 'ISO 37120')),
  framework_code  text,
  sort_order      integer not null default 100,
  created_at      timestamptz not null default now(),
  check ((source = 'computed') = (definition is not null)),
  check ((source = 'reported') = (frequency is not null)),
  check ((rollup = 'rate') = (rate_per is not null)),
  check ((framework is null) = (framework_code is null))
);
comment on table indicators is 'What plans set targets for: computed from Marsad''s data (definition) or reported on periodic returns (frequency).';
comment on column indicators.rollup is 'sum: governorates add up to the country; rate: sum(numerator) / sum(denominator) × rate_per, never an average of rates.';
comment on column indicators.temporal is 'flow: what happened within the period adds up over it; stock: a level, the latest value counts.';
comment on column indicators.return_due_days is 'A return is due this many days after its period ends; later is late.';

insert into indicators (code, name_en, name_ar, unit_en, unit_ar, better, rollup, temporal, rate_per, source, definition,
                        filter_kind, filter_sector, filter_development, frequency, framework, framework_code, sort_order) values
  ('service_centres_opened', 'Citizen service centres opened', 'مراكز خدمة المواطن المفتتحة', 'centres', 'مركز',
   'higher', 'sum', 'flow', null, 'computed', 'projects_completed', 'service_centre', null, null, null, 'SDG', '16.6.2', 10),
  ('zones_rehabilitated', 'Industrial and craft zones rehabilitated', 'المناطق الصناعية والحرفية المؤهلة', 'zones', 'منطقة',
   'higher', 'sum', 'flow', null, 'computed', 'zones_completed', null, null, 'rehabilitation', null, 'SDG', '9.2.1', 20),
  ('zones_implemented', 'New industrial and craft zones implemented', 'المناطق الصناعية والحرفية المنفذة', 'zones', 'منطقة',
   'higher', 'sum', 'flow', null, 'computed', 'zones_completed', null, null, 'new', null, 'SDG', '9.2.1', 30),
  ('zone_plots_producing', 'Zone plots in production', 'المقاسم المنتجة في المناطق الصناعية', 'plots', 'مقسم',
   'higher', 'sum', 'stock', null, 'computed', 'zone_plots_in_production', null, null, null, null, null, null, 40),
  ('schools_rehabilitated', 'School projects completed', 'مشروعات المدارس المنجزة', 'projects', 'مشروع',
   'higher', 'sum', 'flow', null, 'computed', 'projects_completed', null, 'education', null, null, 'SDG', '4.a.1', 50),
  ('health_facilities_completed', 'Health facility projects completed', 'مشروعات المرافق الصحية المنجزة', 'projects', 'مشروع',
   'higher', 'sum', 'flow', null, 'computed', 'projects_completed', null, 'health', null, null, 'SDG', '3.8.1', 60),
  ('water_projects_completed', 'Drinking-water projects completed', 'مشروعات مياه الشرب المنجزة', 'projects', 'مشروع',
   'higher', 'sum', 'flow', null, 'computed', 'projects_completed', null, 'water', null, null, 'SDG', '6.1.1', 70),
  ('road_km_paved', 'Roads paved', 'الطرق المعبدة', 'km', 'كم',
   'higher', 'sum', 'flow', null, 'computed', 'line_km_completed', null, 'roads', null, null, 'SDG', '9.1.1', 80),
  ('budget_spent', 'Budget spent', 'الإنفاق الفعلي', 'USD', 'دولار',
   'higher', 'sum', 'flow', null, 'computed', 'budget_spent', null, null, null, null, null, null, 90),
  ('budget_execution', 'Budget execution', 'نسبة تنفيذ الموازنة', '%', '٪',
   'higher', 'rate', 'stock', 100, 'computed', 'budget_execution', null, null, null, null, null, null, 100),
  ('fire_brigades_ready', 'Fire brigades ready', 'فرق الإطفاء الجاهزة', 'brigades', 'فرقة',
   'higher', 'sum', 'stock', null, 'reported', null, null, null, null, 'quarterly', 'ISO 37120', '10.1', 110),
  ('solid_waste_collected', 'Solid waste collected', 'النفايات الصلبة المجموعة', '% of generated', '٪ من المتولدة',
   'higher', 'rate', 'flow', 100, 'reported', null, null, null, null, 'monthly', 'SDG', '11.6.1', 120),
  ('building_permits_issued', 'Building permits issued', 'رخص البناء الصادرة', 'permits', 'رخصة',
   'higher', 'sum', 'flow', null, 'reported', null, null, null, null, 'monthly', null, null, 130),
  ('permit_days_average', 'Days to issue a building permit', 'مدة إصدار رخصة البناء', 'days', 'يوم',
   'lower', 'rate', 'flow', 1, 'reported', null, null, null, null, 'monthly', null, null, 140),
  ('complaints_resolved', 'Citizen complaints resolved', 'شكاوى المواطنين المعالجة', '% of received', '٪ من الواردة',
   'higher', 'rate', 'flow', 100, 'reported', null, null, null, null, 'monthly', 'SDG', '16.6.2', 150);

create table plans (
  id            integer generated always as identity primary key,
  country_iso3  char(3) not null references countries (iso3) on delete restrict,
  year          smallint not null check (year between 2000 and 2100),
  is_published  boolean not null default false,
  created_by    integer references users (id) on delete set null,
  created_at    timestamptz not null default now(),
  unique (country_iso3, year)
);
comment on table plans is 'One plan per country and year. Its targets live in versions (plan_versions).';
comment on column plans.is_published is 'Whether anonymous readers see the plan''s totals (set by an admin).';

create table plan_versions (
  id           integer generated always as identity primary key,
  plan_id      integer not null references plans (id) on delete cascade,
  number       smallint not null check (number >= 1),
  status       text not null check (status in ('draft', 'approved', 'superseded')),
  note         text,
  version      integer not null default 1,
  created_by   integer references users (id) on delete set null,
  created_at   timestamptz not null default now(),
  approved_by  integer references users (id) on delete set null,
  approved_at  timestamptz,
  unique (plan_id, number),
  check ((status = 'draft') = (approved_at is null))
);
comment on table plan_versions is 'A plan''s targets as drafted (draft), in force (approved) or replaced by a revision (superseded, kept).';
comment on column plan_versions.version is 'Incremented on every change to the draft; clients send it back for optimistic concurrency.';
create unique index plan_versions_one_draft on plan_versions (plan_id) where status = 'draft';
create unique index plan_versions_one_approved on plan_versions (plan_id) where status = 'approved';

create table plan_targets (
  plan_version_id  integer not null references plan_versions (id) on delete cascade,
  admin_area_id    integer not null references admin_areas (id) on delete restrict,
  indicator_code   text not null references indicators (code) on delete restrict,
  sector_code      text references sectors (code) on delete restrict,
  q1               numeric not null check (q1 >= 0),
  q2               numeric not null check (q2 >= 0),
  q3               numeric not null check (q3 >= 0),
  q4               numeric not null check (q4 >= 0)
);
comment on table plan_targets is 'Targets per governorate × indicator (× sector), as what should be reached by the end of each quarter; q4 is the year''s target.';
create unique index plan_targets_key on plan_targets (plan_version_id, admin_area_id, indicator_code, coalesce(sector_code, ''));

create function plan_targets_forbid_change_when_not_draft() returns trigger
language plpgsql as $$
declare
  version_id integer := coalesce(new.plan_version_id, old.plan_version_id);
begin
  if pg_trigger_depth() > 1 and tg_op = 'DELETE' then
    return old; -- a plan deleted as a whole
  end if;
  if (select status from plan_versions where id = version_id) <> 'draft' then
    raise exception 'The targets of an approved plan version do not change: start a revision'
      using errcode = 'restrict_violation';
  end if;
  return coalesce(new, old);
end $$;

create trigger plan_targets_draft_only
  before insert or update or delete on plan_targets
  for each row execute function plan_targets_forbid_change_when_not_draft();

create table indicator_returns (
  id              bigint generated always as identity primary key,
  indicator_code  text not null references indicators (code) on delete restrict,
  admin_area_id   integer not null references admin_areas (id) on delete restrict,
  period_start    date not null check (extract(day from period_start) = 1),
  value           numeric not null check (value >= 0),
  denominator     numeric check (denominator > 0),
  note            text,
  submitted_by    integer references users (id) on delete set null,
  submitted_at    timestamptz not null default now()
);
comment on table indicator_returns is 'Periodic returns, append-only: a correction is a new row; the latest per indicator, governorate and period counts.';
comment on column indicator_returns.value is 'The value for the period; for a rate indicator, its numerator.';
create index indicator_returns_key_idx on indicator_returns (indicator_code, admin_area_id, period_start, submitted_at desc, id desc);

create function indicator_returns_forbid_change() returns trigger
language plpgsql as $$
begin
  raise exception 'indicator_returns is append-only: submit a correction instead of changing a return'
    using errcode = 'restrict_violation';
end $$;

create trigger indicator_returns_append_only
  before update or delete on indicator_returns
  for each row execute function indicator_returns_forbid_change();

create trigger plans_audit after insert or update or delete on plans
  for each row execute function audit_record();
create trigger plan_versions_audit after insert or update or delete on plan_versions
  for each row execute function audit_record();
create trigger plan_targets_audit after insert or update or delete on plan_targets
  for each row execute function audit_record();
create trigger indicator_returns_audit after insert on indicator_returns
  for each row execute function audit_record();
create trigger indicators_audit after insert or update or delete on indicators
  for each row execute function audit_record();
