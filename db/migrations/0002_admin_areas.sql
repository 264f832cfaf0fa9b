-- Countries and their administrative units (governorates, regions, districts; later municipalities).

create table countries (
  iso3        char(3) primary key check (iso3 ~ '^[A-Z]{3}$'),
  iso2        char(2) not null unique check (iso2 ~ '^[A-Z]{2}$'),
  name_en     text not null check (name_en <> ''),
  name_ar     text not null check (name_ar <> ''),
  geom        geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom))
);
comment on table countries is 'Countries whose governorates Marsad tracks, with their outline.';

create table admin_areas (
  id             integer generated always as identity primary key,
  code           text not null unique check (code ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
  country_iso3   char(3) not null references countries (iso3) on delete restrict,
  level          smallint not null check (level in (1, 2)),
  parent_id      integer references admin_areas (id) on delete restrict,
  kind           text not null check (kind in ('governorate', 'region', 'district', 'municipality')),
  kind_ar        text not null,
  name_en        text not null check (name_en <> ''),
  name_ar        text not null check (name_ar <> ''),
  name_ar_short  text not null check (name_ar_short <> ''),
  hasc           text,
  wikidata       text,
  source_note    text,
  geom           geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  label_point    geometry(Point, 4326),
  check ((level = 1) = (parent_id is null))
);
comment on table admin_areas is 'Administrative units: level 1 = governorate/region/district, level 2 = municipality (not loaded yet).';
comment on column admin_areas.code is 'ISO 3166-2 code (e.g. SY-DI, SA-01, LY-TB); the stable key used in URLs and filters.';
comment on column admin_areas.name_ar_short is 'Arabic label without the generic term (دمشق rather than محافظة دمشق), for map labels.';
comment on column admin_areas.source_note is 'Provenance or a known issue with this unit''s boundary or name.';
comment on column admin_areas.label_point is 'A point inside the polygon for placing its label.';

create index admin_areas_geom_idx on admin_areas using gist (geom);
create index admin_areas_country_idx on admin_areas (country_iso3, level);
create index countries_geom_idx on countries using gist (geom);
