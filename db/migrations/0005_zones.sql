-- Facts that only industrial and craft zones have.

create table zone_facts (
  project_id           bigint primary key,
  kind                 text not null check (kind in ('industrial_zone', 'craft_zone')),
  development          text not null check (development in ('new', 'rehabilitation')),
  area_ha              numeric(12, 2) check (area_ha > 0),
  plots_total          integer not null check (plots_total >= 0),
  plots_allocated      integer not null check (plots_allocated between 0 and plots_total),
  plots_in_production  integer not null check (plots_in_production between 0 and plots_allocated),
  water_readiness       smallint not null default 0 check (water_readiness between 0 and 100),
  electricity_readiness smallint not null default 0 check (electricity_readiness between 0 and 100),
  roads_readiness       smallint not null default 0 check (roads_readiness between 0 and 100),
  sewage_readiness      smallint not null default 0 check (sewage_readiness between 0 and 100),
  -- The composite key makes it impossible to attach zone facts to a project that is not a zone.
  foreign key (project_id, kind) references projects (id, kind) on delete cascade on update cascade
);
comment on table zone_facts is 'Plots and utility readiness of an industrial or craft zone (one row per zone project).';
comment on column zone_facts.development is 'Whether the zone is built new or an existing one rehabilitated.';
comment on column zone_facts.water_readiness is 'Percent of the zone served (0 to 100); likewise for electricity, roads and sewage.';
