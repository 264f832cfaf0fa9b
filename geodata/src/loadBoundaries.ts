import type { Queryable } from '@marsad/db';
import { readAdm1, readAdm1LabelPoints, readCountries } from './boundaryFiles.ts';
import { ADMIN_AREA_CORRECTIONS } from './corrections.ts';

export interface BoundaryLoadResult {
  countries: number;
  adminAreas: number;
}

/**
 * Loads the nine countries and their 156 first-level units. Idempotent: running it again
 * updates the same rows (keyed by ISO code) and adds nothing.
 */
export async function loadBoundaries(db: Queryable): Promise<BoundaryLoadResult> {
  const [countries, adm1, labels] = await Promise.all([readCountries(), readAdm1(), readAdm1LabelPoints()]);

  const labelByCode = new Map(labels.features.map((f) => [f.properties.iso_3166_2, f.geometry]));
  const corrections = new Map(ADMIN_AREA_CORRECTIONS.map((c) => [c.code, c]));
  const areas = adm1.features.map((feature) => {
    const p = feature.properties;
    const fix = corrections.get(p.iso_3166_2);
    return {
      code: fix?.newCode ?? p.iso_3166_2,
      country_iso3: p.country_iso3,
      kind: p.type,
      kind_ar: p.type_ar,
      name_en: fix?.name_en ?? p.name_en,
      name_ar: fix?.name_ar ?? p.name_ar,
      name_ar_short: fix?.name_ar_short ?? p.name_ar_short,
      hasc: p.hasc,
      wikidata: p.wikidata,
      source_note: fix?.note ?? p.note,
      geom: feature.geometry,
      label_point: labelByCode.get(p.iso_3166_2) ?? null,
    };
  });

  // One statement per table: the whole file travels as one JSON parameter, PostGIS parses it.
  const [countryCount] = await db.query<{ n: number }>(
    `with input as (select json_array_elements($1::json) as f),
     upserted as (
       insert into countries (iso3, iso2, name_en, name_ar, geom)
       select f->'properties'->>'iso3', f->'properties'->>'iso2', f->'properties'->>'name_en',
              f->'properties'->>'name_ar', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326))
         from input
       on conflict (iso3) do update
         set iso2 = excluded.iso2, name_en = excluded.name_en, name_ar = excluded.name_ar, geom = excluded.geom
       returning 1)
     select count(*) as n from upserted`,
    [JSON.stringify(countries.features)],
  );
  const [areaCount] = await db.query<{ n: number }>(
    `with input as (select json_array_elements($1::json) as a),
     upserted as (
       insert into admin_areas (code, country_iso3, level, kind, kind_ar, name_en, name_ar, name_ar_short,
                                hasc, wikidata, source_note, geom, label_point)
       select a->>'code', a->>'country_iso3', 1, a->>'kind', a->>'kind_ar', a->>'name_en', a->>'name_ar',
              a->>'name_ar_short', a->>'hasc', a->>'wikidata', a->>'source_note',
              ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(a->>'geom'), 4326)),
              case when a->'label_point' is not null and json_typeof(a->'label_point') = 'object'
                   then ST_SetSRID(ST_GeomFromGeoJSON(a->>'label_point'), 4326) end
         from input
       on conflict (code) do update
         set country_iso3 = excluded.country_iso3, kind = excluded.kind, kind_ar = excluded.kind_ar,
             name_en = excluded.name_en, name_ar = excluded.name_ar, name_ar_short = excluded.name_ar_short,
             hasc = excluded.hasc, wikidata = excluded.wikidata, source_note = excluded.source_note,
             geom = excluded.geom, label_point = excluded.label_point
       returning 1)
     select count(*) as n from upserted`,
    [JSON.stringify(areas)],
  );
  return { countries: countryCount?.n ?? 0, adminAreas: areaCount?.n ?? 0 };
}
