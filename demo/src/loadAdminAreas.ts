import type { Queryable } from '@marsad/db';
import { AreaShape } from './AreaShape.ts';
import type { PlacedArea } from './placeGeometry.ts';

/** A level-1 unit (governorate, region, district) with its outline ready for placing projects. */
export interface AdminArea extends PlacedArea {
  id: number;
  code: string;
  countryIso3: string;
  countryNameEn: string;
  countryNameAr: string;
  nameEn: string;
  nameAr: string;
  nameArShort: string;
}

interface AreaRow {
  id: number;
  code: string;
  country_iso3: string;
  country_name_en: string;
  country_name_ar: string;
  name_en: string;
  name_ar: string;
  name_ar_short: string;
  outline: string;
  label_x: number;
  label_y: number;
}

/** The governorates of `countries`, ordered by code so the generator sees them in a stable order. */
export async function loadAdminAreas(db: Queryable, countries: readonly string[]): Promise<AdminArea[]> {
  const rows = await db.query<AreaRow>(
    `select a.id, a.code, a.country_iso3, c.name_en as country_name_en, c.name_ar as country_name_ar,
            a.name_en, a.name_ar, a.name_ar_short,
            ST_AsGeoJSON(a.geom) as outline,
            ST_X(coalesce(a.label_point, ST_PointOnSurface(a.geom))) as label_x,
            ST_Y(coalesce(a.label_point, ST_PointOnSurface(a.geom))) as label_y
       from admin_areas a join countries c on c.iso3 = a.country_iso3
      where a.level = 1 and a.country_iso3 = any($1::text[])
      order by a.code`,
    [countries],
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    countryIso3: row.country_iso3,
    countryNameEn: row.country_name_en,
    countryNameAr: row.country_name_ar,
    nameEn: row.name_en,
    nameAr: row.name_ar,
    nameArShort: row.name_ar_short,
    shape: new AreaShape(multiPolygonCoordinates(JSON.parse(row.outline) as Outline)),
    labelX: row.label_x,
    labelY: row.label_y,
  }));
}

type Outline = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

const multiPolygonCoordinates = (outline: Outline) =>
  outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
