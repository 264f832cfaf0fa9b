-- Reads by place without reading the wide project rows (titles, descriptions and search text
-- make a row over 1 KB): low-zoom cluster tiles from one narrow index, and the published
-- projects (all that anonymous callers and public GIS clients see) in a GiST index of their own.

-- Spreads the low 20 bits of v to the even bit positions, for interleaving x and y.
create function spread_bits_20(v bigint) returns bigint
language plpgsql immutable strict parallel safe as $$
begin
  v := (v | (v << 16)) & x'0000FFFF0000FFFF'::bigint;
  v := (v | (v << 8)) & x'00FF00FF00FF00FF'::bigint;
  v := (v | (v << 4)) & x'0F0F0F0F0F0F0F0F'::bigint;
  v := (v | (v << 2)) & x'3333333333333333'::bigint;
  v := (v | (v << 1)) & x'5555555555555555'::bigint;
  return v;
end $$;

-- The Morton (Z-order) code of the zoom-20 Web Mercator tile holding a lon/lat point. Every tile
-- of a lower zoom is one contiguous range of these codes (api/src/tiles/layers/tileKeyRanges.ts),
-- so a B-tree on them finds a tile's points with range scans instead of reading wide rows.
-- Its search_path is fixed: PostgreSQL 17 builds indexes with only pg_catalog on the path.
create function tile_key_20(point geometry) returns bigint
language sql immutable strict parallel safe set search_path from current as $$
  select spread_bits_20(least(greatest(floor((ST_X(point) + 180) / 360 * 1048576), 0), 1048575)::bigint)
       | (spread_bits_20(least(greatest(floor(
            (1 - ln(tan(radians(least(greatest(ST_Y(point), -85.0511), 85.0511)))
                    + 1 / cos(radians(least(greatest(ST_Y(point), -85.0511), 85.0511)))) / pi()) / 2 * 1048576), 0), 1048575)::bigint) << 1)
$$;
comment on function tile_key_20(geometry) is 'Morton code of the zoom-20 XYZ tile holding a point (see 0016).';

-- Everything the cluster layer and the project filters read, beside the key: index-only scans.
create index projects_tile_key_idx on projects (tile_key_20(label_point))
  include (label_point, id, is_published, status, planned_end, planned_start, actual_start, actual_end,
           admin_area_id, country_iso3, kind, sector_code);

-- The same for the published projects alone: anonymous maps scan only what they may see.
create index projects_published_tile_key_idx on projects (tile_key_20(label_point))
  include (label_point, id, status, planned_end, planned_start, actual_start, actual_end,
           admin_area_id, country_iso3, kind, sector_code)
  where is_published;

create index projects_published_geom_idx on projects using gist (geom) where is_published;
