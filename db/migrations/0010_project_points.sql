-- A point inside every project's geometry: where a line or polygon is drawn as a dot at low
-- zooms, clustered, or exported as longitude/latitude.

alter table projects
  add column label_point geometry(Point, 4326) generated always as (ST_PointOnSurface(geom)) stored;
comment on column projects.label_point is 'A point on the geometry (ST_PointOnSurface), for clusters, markers and lon/lat exports.';

create index projects_label_point_idx on projects using gist (label_point);
