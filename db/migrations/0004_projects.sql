-- Projects: development projects, industrial and craft zones, service centres, ...

create table sectors (
  code     text primary key check (code ~ '^[a-z_]+$'),
  name_en  text not null,
  name_ar  text not null
);
comment on table sectors is 'The sectors projects belong to, with bilingual names.';

insert into sectors (code, name_en, name_ar) values
  ('water',        'Water and sanitation',       'المياه والصرف الصحي'),
  ('electricity',  'Electricity and energy',     'الكهرباء والطاقة'),
  ('roads',        'Roads and transport',        'الطرق والنقل'),
  ('education',    'Education',                  'التعليم'),
  ('health',       'Health',                     'الصحة'),
  ('housing',      'Housing',                    'الإسكان'),
  ('agriculture',  'Agriculture and irrigation', 'الزراعة والري'),
  ('industry',     'Industry',                   'الصناعة'),
  ('crafts',       'Crafts and small business',  'الحرف والمشروعات الصغيرة'),
  ('municipal',    'Municipal services',         'الخدمات البلدية'),
  ('environment',  'Environment and waste',      'البيئة والنفايات'),
  ('social',       'Social services',            'الخدمات الاجتماعية');

create table projects (
  id                  bigint generated always as identity primary key,
  code                text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
  kind                text not null check (kind in ('development_project', 'industrial_zone', 'craft_zone', 'service_centre')),
  sector_code         text not null references sectors (code) on delete restrict,
  title_ar            text not null check (title_ar <> ''),
  title_en            text not null check (title_en <> ''),
  description_ar      text,
  description_en      text,
  admin_area_id       integer not null references admin_areas (id) on delete restrict,
  country_iso3        char(3) not null references countries (iso3) on delete restrict,
  geom                geometry(Geometry, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  budget              numeric(16, 2) check (budget >= 0),
  currency            char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  planned_start       date,
  planned_end         date,
  actual_start        date,
  actual_end          date,
  is_published        boolean not null default false,
  is_demo             boolean not null default false,
  -- Current state, maintained from progress_updates by a trigger (see 0006).
  status              text not null default 'planned'
                        check (status in ('planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled')),
  physical_progress   numeric(5, 2) not null default 0 check (physical_progress between 0 and 100),
  financial_progress  numeric(5, 2) not null default 0 check (financial_progress between 0 and 100),
  last_update_on      date,
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (id, kind),
  check (planned_end is null or planned_start is null or planned_end >= planned_start),
  check (actual_end is null or actual_start is null or actual_end >= actual_start)
);
comment on table projects is 'Anything a ministry tracks on the map: development projects, industrial and craft zones, service centres.';
comment on column projects.code is 'Human reference shown to users, e.g. SY-DI-2024-0012.';
comment on column projects.admin_area_id is 'The governorate; derived from the geometry by a spatial join when not given.';
comment on column projects.country_iso3 is 'Always the country of admin_area_id (kept by trigger), so country filters need no join.';
comment on column projects.is_demo is 'True for rows made by the demo data generator, so they can never be mistaken for real data.';
comment on column projects.status is 'Current lifecycle status: the status of the latest progress update (or planned).';
comment on column projects.version is 'Incremented on every change; clients send it back for optimistic concurrency.';

create index projects_geom_idx on projects using gist (geom);
create index projects_area_idx on projects (admin_area_id);
create index projects_country_idx on projects (country_iso3);
create index projects_status_idx on projects (status);

-- The governorate and country follow from the geometry unless the caller names the governorate.
create function projects_assign_admin_area() returns trigger
language plpgsql volatile as $$
begin
  -- Checked here, before any spatial work, so the caller gets the reason rather than a GEOS error.
  if not ST_IsValid(new.geom) then
    raise exception 'Invalid geometry: %', ST_IsValidReason(new.geom)
      using errcode = 'check_violation', constraint = 'projects_geom_check';
  end if;
  if new.admin_area_id is null or (tg_op = 'UPDATE' and new.geom is distinct from old.geom
                                   and new.admin_area_id is not distinct from old.admin_area_id) then
    select a.id into new.admin_area_id
      from admin_areas a
     where a.level = 1 and a.geom && new.geom and ST_Intersects(a.geom, new.geom)
     order by ST_Covers(a.geom, ST_PointOnSurface(new.geom)) desc,
              ST_Area(ST_Intersection(a.geom, new.geom)) desc,
              a.id
     limit 1;
    if new.admin_area_id is null then
      raise exception 'The geometry lies outside every governorate'
        using errcode = 'check_violation', constraint = 'projects_inside_admin_area';
    end if;
  end if;
  select a.country_iso3 into new.country_iso3 from admin_areas a where a.id = new.admin_area_id;
  if tg_op = 'UPDATE' then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end $$;

create trigger projects_assign_admin_area
  before insert or update on projects
  for each row execute function projects_assign_admin_area();

create table project_funding (
  project_id       bigint not null references projects (id) on delete cascade,
  organization_id  integer not null references organizations (id) on delete restrict,
  amount           numeric(16, 2) not null check (amount >= 0),
  currency         char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  primary key (project_id, organization_id)
);
comment on table project_funding is 'Which organizations fund a project, and how much.';
create index project_funding_org_idx on project_funding (organization_id);
