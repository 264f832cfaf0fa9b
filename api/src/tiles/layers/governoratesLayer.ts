import type { TileLayerSource } from '../TileEncoder.ts';

/** Governorate polygons with their names, for the basemap and the choropleth. */
export function governoratesLayer(): TileLayerSource {
  return {
    name: 'governorates',
    properties: ['code', 'country_iso3', 'name_en', 'name_ar', 'name_ar_short'],
    sql: `
      select id, geom, code, country_iso3, name_en, name_ar, name_ar_short
        from admin_areas
       where level = 1
         and geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326)`,
  };
}
