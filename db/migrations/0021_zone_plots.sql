-- Industrial and craft zones as places the ministry manages: their plots (who holds each, what it
-- produces, how many jobs), the investors who hold them, and their utility networks' stages of
-- work as reported over time. A zone's totals (plots by status, jobs, investment) and its
-- utilities' readiness are derived here, by triggers, from the plots and the reports: nobody
-- types them twice, so zone_facts' counters stop being input and become a maintained summary.

-- What a plot may be used for: the industry or craft its permit names.
create table plot_activities (
  code        text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_en     text not null,
  name_ar     text not null,
  zone_kinds  text[] not null check (zone_kinds <@ array['industrial_zone', 'craft_zone']::text[] and cardinality(zone_kinds) > 0),
  sort_order  smallint not null default 0
);
comment on table plot_activities is 'The permitted activities of zone plots (ISIC-like groups), bilingual; zone_kinds says in which kind of zone each is usual.';

insert into plot_activities (code, name_en, name_ar, zone_kinds, sort_order) values
  ('food_processing',     'Food processing',                 'الصناعات الغذائية',              '{industrial_zone,craft_zone}', 10),
  ('textiles',            'Textiles and clothing',           'الصناعات النسيجية والألبسة',      '{industrial_zone,craft_zone}', 20),
  ('chemicals',           'Chemicals and plastics',          'الصناعات الكيميائية والبلاستيكية', '{industrial_zone}', 30),
  ('pharmaceuticals',     'Pharmaceuticals',                 'الصناعات الدوائية',              '{industrial_zone}', 40),
  ('engineering',         'Engineering and metal industries','الصناعات الهندسية والمعدنية',      '{industrial_zone}', 50),
  ('building_materials',  'Building materials',              'مواد البناء',                    '{industrial_zone}', 60),
  ('printing_packaging',  'Printing and packaging',          'الطباعة والتغليف',                '{industrial_zone,craft_zone}', 70),
  ('warehousing',         'Warehousing and logistics',       'المستودعات والخدمات اللوجستية',    '{industrial_zone}', 80),
  ('carpentry',           'Carpentry and furniture',         'النجارة والمفروشات',              '{industrial_zone,craft_zone}', 90),
  ('blacksmithing',       'Blacksmithing and aluminium',     'الحدادة والألمنيوم',              '{craft_zone}', 100),
  ('vehicle_repair',      'Vehicle repair',                  'صيانة السيارات',                 '{craft_zone}', 110),
  ('electrical_repair',   'Electrical and electronics repair','صيانة الأجهزة الكهربائية والإلكترونية', '{craft_zone}', 120),
  ('traditional_crafts',  'Traditional crafts',              'الحرف التقليدية',                 '{craft_zone}', 130),
  ('services',            'Services and commerce',           'الخدمات والتجارة',                '{industrial_zone,craft_zone}', 140);

-- Who holds plots: a company or a person. Their identity and contacts are the ministry's only:
-- nothing here ever reaches a donor or the public (api/src/access/plotAccess.ts).
create table investors (
  id               bigint generated always as identity primary key,
  country_iso3     char(3) not null,
  kind             text not null check (kind in ('company', 'person')),
  name_ar          text not null check (length(btrim(name_ar)) between 1 and 200),
  name_en          text check (length(btrim(name_en)) between 1 and 200),
  registration_no  text check (length(registration_no) <= 60),
  contact_name     text check (length(contact_name) <= 200),
  phone            text check (length(phone) <= 40),
  email            text check (length(email) <= 200),
  version          integer not null default 1,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
comment on table investors is 'Companies and persons holding zone plots; visible to ministry roles only, never to donors or anonymous callers.';
comment on column investors.registration_no is 'Commercial register number of a company, or national ID of a person.';
create index investors_name_idx on investors (country_iso3, lower(name_ar));

create table zone_plots (
  id                  bigint generated always as identity primary key,
  zone_id             bigint not null references zone_facts (project_id) on delete cascade,
  plot_number         text not null check (length(btrim(plot_number)) between 1 and 40),
  geom                geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  area_m2             numeric(12, 1) generated always as (round(ST_Area(geom::geography)::numeric, 1)) stored,
  activity_code       text references plot_activities (code) on delete restrict,
  status              text not null default 'vacant'
                        check (status in ('vacant', 'reserved', 'allocated', 'under_construction', 'producing')),
  investor_id         bigint references investors (id) on delete restrict,
  allocated_on        date,
  planned_jobs        integer check (planned_jobs between 0 and 100000),
  actual_jobs         integer check (actual_jobs between 0 and 100000),
  planned_investment  numeric(16, 2) check (planned_investment >= 0),
  actual_investment   numeric(16, 2) check (actual_investment >= 0),
  note                text check (length(note) <= 2000),
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (zone_id, plot_number),
  -- A vacant plot has nobody; every other status names who holds (or reserved) it.
  constraint zone_plots_investor_matches_status check ((status = 'vacant') = (investor_id is null)),
  constraint zone_plots_allocated_on_matches_status check (status in ('vacant', 'reserved') or allocated_on is not null)
);
comment on table zone_plots is 'The plots of an industrial or craft zone. Every change is in audit_log under the zone (project_id = zone_id). Zone totals are derived from these rows.';
comment on column zone_plots.status is 'vacant → reserved → allocated → under_construction → producing; withdrawing a plot returns it to vacant.';
comment on column zone_plots.planned_investment is 'In the zone project''s currency (projects.currency).';
create index zone_plots_geom_idx on zone_plots using gist (geom);
create index zone_plots_zone_idx on zone_plots (zone_id, status);
create index zone_plots_investor_idx on zone_plots (investor_id) where investor_id is not null;

create function zone_plots_bump_version() returns trigger
language plpgsql as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end $$;
create trigger zone_plots_bump_version before update on zone_plots
  for each row execute function zone_plots_bump_version();

create function investors_bump_version() returns trigger
language plpgsql as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end $$;
create trigger investors_bump_version before update on investors
  for each row execute function investors_bump_version();

-- The utility networks of a zone and the stages their works go through. A rehabilitated zone's
-- network typically starts 'damaged'; a new zone's 'not_started'.
create table zone_utility_reports (
  id          bigint generated always as identity primary key,
  update_id   bigint not null references progress_updates (id) on delete cascade,
  zone_id     bigint not null references zone_facts (project_id) on delete cascade,
  network     text not null check (network in ('water', 'electricity', 'roads', 'sewage', 'telecoms')),
  stage       text not null check (stage in ('damaged', 'not_started', 'design', 'tendering', 'under_construction',
                                             'partially_operational', 'operational')),
  readiness   smallint not null check (readiness between 0 and 100),
  note        text check (length(note) <= 2000),
  unique (update_id, network)
);
comment on table zone_utility_reports is 'Append-only: the stage and readiness of a zone''s networks, as reported with a progress report (and its photos). The latest per network is current.';
create index zone_utility_reports_zone_idx on zone_utility_reports (zone_id, network, update_id desc);

create function zone_utility_reports_forbid_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception 'zone_utility_reports is append-only: post a new progress report instead of changing one'
    using errcode = 'restrict_violation';
end $$;
create trigger zone_utility_reports_append_only before update or delete on zone_utility_reports
  for each row execute function zone_utility_reports_forbid_change();

-- The current stage of each network: the latest report by the report's date (then its id).
create table zone_utilities (
  zone_id      bigint not null references zone_facts (project_id) on delete cascade,
  network      text not null,
  stage        text not null,
  readiness    smallint not null,
  reported_on  date not null,
  update_id    bigint not null,
  primary key (zone_id, network)
);
comment on table zone_utilities is 'Maintained from zone_utility_reports by trigger: each network''s latest stage and readiness.';

-- Derived totals. New columns; the old counters and readiness columns stay (tiles, indicators and
-- exports read them) but are now computed, never written by anyone but zone_facts_derive.
alter table zone_facts
  add column plots_vacant             integer not null default 0,
  add column plots_reserved           integer not null default 0,
  add column plots_under_construction integer not null default 0,
  add column plots_area_m2            numeric(14, 1) not null default 0,
  add column vacant_area_m2           numeric(14, 1) not null default 0,
  add column jobs_planned             integer not null default 0,
  add column jobs_actual              integer not null default 0,
  add column investment_planned       numeric(18, 2) not null default 0,
  add column investment_actual        numeric(18, 2) not null default 0,
  add column telecoms_readiness       smallint not null default 0 check (telecoms_readiness between 0 and 100),
  add column occupancy                numeric(5, 2) generated always as
    (case when plots_total > 0 then round(100.0 * plots_allocated / plots_total, 2) end) stored,
  add column readiness                numeric(5, 2) generated always as
    (round((water_readiness + electricity_readiness + roads_readiness + sewage_readiness + telecoms_readiness) / 5.0, 2)) stored;
comment on column zone_facts.plots_allocated is 'Derived: plots allocated, under construction or producing (taken by an investor).';
comment on column zone_facts.plots_in_production is 'Derived: plots producing.';
comment on column zone_facts.occupancy is 'Percent of plots taken (allocated, under construction or producing); null for a zone without plots.';
comment on column zone_facts.readiness is 'Mean readiness of the five networks (0–100); a network never reported counts 0.';

-- Every write of a zone_facts row recomputes its derived columns from the plots and utilities, so
-- nothing else can set them: an update that touches only other facts still leaves them right.
create function zone_facts_derive() returns trigger
language plpgsql as $$
declare
  t record;
begin
  select count(*)::integer as total,
         count(*) filter (where status = 'vacant')::integer as vacant,
         count(*) filter (where status = 'reserved')::integer as reserved,
         count(*) filter (where status in ('allocated', 'under_construction', 'producing'))::integer as taken,
         count(*) filter (where status = 'under_construction')::integer as building,
         count(*) filter (where status = 'producing')::integer as producing,
         coalesce(sum(area_m2), 0) as area,
         coalesce(sum(area_m2) filter (where status = 'vacant'), 0) as vacant_area,
         coalesce(sum(planned_jobs), 0)::integer as jobs_planned,
         coalesce(sum(actual_jobs), 0)::integer as jobs_actual,
         coalesce(sum(planned_investment), 0) as investment_planned,
         coalesce(sum(actual_investment), 0) as investment_actual
    into t
    from zone_plots where zone_id = new.project_id;
  new.plots_total := t.total;
  new.plots_vacant := t.vacant;
  new.plots_reserved := t.reserved;
  new.plots_allocated := t.taken;
  new.plots_under_construction := t.building;
  new.plots_in_production := t.producing;
  new.plots_area_m2 := t.area;
  new.vacant_area_m2 := t.vacant_area;
  new.jobs_planned := t.jobs_planned;
  new.jobs_actual := t.jobs_actual;
  new.investment_planned := t.investment_planned;
  new.investment_actual := t.investment_actual;
  select coalesce(max(readiness) filter (where network = 'water'), 0),
         coalesce(max(readiness) filter (where network = 'electricity'), 0),
         coalesce(max(readiness) filter (where network = 'roads'), 0),
         coalesce(max(readiness) filter (where network = 'sewage'), 0),
         coalesce(max(readiness) filter (where network = 'telecoms'), 0)
    into new.water_readiness, new.electricity_readiness, new.roads_readiness, new.sewage_readiness, new.telecoms_readiness
    from zone_utilities where zone_id = new.project_id;
  return new;
end $$;
create trigger zone_facts_derive before insert or update on zone_facts
  for each row execute function zone_facts_derive();

-- Statement-level, so allocating fifty plots (or loading fifty thousand) recounts each zone once.
-- A plot never moves to another zone, so an update recounts the zones of its new rows.
-- The touch (plots_total = plots_total) fires zone_facts_derive, which does the counting.
create function zone_plots_recount_from_new() returns trigger
language plpgsql as $$
begin
  update zone_facts set plots_total = plots_total where project_id in (select distinct zone_id from new_rows);
  return null;
end $$;
create function zone_plots_recount_from_old() returns trigger
language plpgsql as $$
begin
  update zone_facts set plots_total = plots_total where project_id in (select distinct zone_id from old_rows);
  return null;
end $$;
create trigger zone_plots_recount_insert after insert on zone_plots
  referencing new table as new_rows for each statement execute function zone_plots_recount_from_new();
create trigger zone_plots_recount_update after update on zone_plots
  referencing new table as new_rows for each statement execute function zone_plots_recount_from_new();
create trigger zone_plots_recount_delete after delete on zone_plots
  referencing old table as old_rows for each statement execute function zone_plots_recount_from_old();

-- The latest report per network becomes current, then the zone's readiness is recomputed.
create function zone_utility_reports_apply_latest() returns trigger
language plpgsql as $$
begin
  insert into zone_utilities as cur (zone_id, network, stage, readiness, reported_on, update_id)
  select distinct on (r.zone_id, r.network) r.zone_id, r.network, r.stage, r.readiness, u.reported_on, r.update_id
    from new_rows r join progress_updates u on u.id = r.update_id
   order by r.zone_id, r.network, u.reported_on desc, r.update_id desc
  on conflict (zone_id, network) do update
     set stage = excluded.stage, readiness = excluded.readiness, reported_on = excluded.reported_on, update_id = excluded.update_id
   where (excluded.reported_on, excluded.update_id) >= (cur.reported_on, cur.update_id);
  update zone_facts set plots_total = plots_total where project_id in (select distinct zone_id from new_rows);
  return null;
end $$;
create trigger zone_utility_reports_apply_latest after insert on zone_utility_reports
  referencing new table as new_rows for each statement execute function zone_utility_reports_apply_latest();

-- The existing counters and readiness were typed in; from now on they are what the plots and
-- reports say (a zone without plots yet counts none).
update zone_facts set plots_total = plots_total;

-- Plot changes are history like a project's: audit_record names a row's project by project_id,
-- which a plot calls zone_id. Investors and their contacts are logged without a project (they are
-- never shown in a zone's public history).
create or replace function audit_record() returns trigger
language plpgsql volatile as $$
declare
  old_j jsonb;
  new_j jsonb;
  row_j jsonb;
  changed_old jsonb;
  changed_new jsonb;
begin
  if current_setting('marsad.audit', true) = 'off' then
    return null;
  end if;
  old_j := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_j := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  -- A plot's geometry is large and its change shows as area_m2; derived counters are not changes anyone made.
  if tg_table_name = 'zone_plots' then
    old_j := old_j - 'geom';
    new_j := new_j - 'geom';
  end if;
  row_j := coalesce(new_j, old_j);
  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, o.value), jsonb_object_agg(n.key, n.value)
      into changed_old, changed_new
      from jsonb_each(new_j) n left join jsonb_each(old_j) o on o.key = n.key
     where o.value is distinct from n.value
       and n.key not in ('version', 'updated_at', 'search_text', 'label_point')
       and not (tg_table_name = 'zone_facts' and n.key in ('plots_total', 'plots_vacant', 'plots_reserved', 'plots_allocated',
                'plots_under_construction', 'plots_in_production', 'plots_area_m2', 'vacant_area_m2', 'jobs_planned', 'jobs_actual',
                'investment_planned', 'investment_actual', 'water_readiness', 'electricity_readiness', 'roads_readiness',
                'sewage_readiness', 'telecoms_readiness', 'occupancy', 'readiness'));
    if changed_new is null then
      return null;
    end if;
    -- Which plot changed is part of every plot entry.
    if tg_table_name = 'zone_plots' then
      changed_old := changed_old || jsonb_build_object('plot_number', old.plot_number);
      changed_new := changed_new || jsonb_build_object('plot_number', new.plot_number);
    end if;
  else
    changed_old := old_j;
    changed_new := new_j;
  end if;
  if changed_old ? 'password_hash' then changed_old := changed_old || '{"password_hash": "***"}'; end if;
  if changed_new ? 'password_hash' then changed_new := changed_new || '{"password_hash": "***"}'; end if;
  insert into audit_log (actor_id, action, table_name, row_key, project_id, old_values, new_values)
  values (nullif(current_setting('marsad.actor_id', true), '')::integer,
          lower(tg_op), tg_table_name,
          coalesce(row_j ->> 'id', row_j ->> 'project_id', row_j ->> 'user_id'),
          case when tg_table_name = 'projects' then (row_j ->> 'id')::bigint
               when tg_table_name in ('zone_plots', 'zone_utility_reports') then (row_j ->> 'zone_id')::bigint
               when tg_table_name = 'investors' then null
               else (row_j ->> 'project_id')::bigint end,
          changed_old, changed_new);
  return null;
end $$;

create trigger audit after insert or update or delete on zone_plots
  for each row execute function audit_record();
create trigger audit after insert or update or delete on investors
  for each row execute function audit_record();
create trigger audit after insert on zone_utility_reports
  for each row execute function audit_record();
create index audit_log_plot_idx on audit_log (row_key, occurred_at desc) where table_name = 'zone_plots';
