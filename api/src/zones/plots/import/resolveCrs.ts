import type { Queryable } from '@marsad/db';
import { invalidParameter, ProblemError } from '../../../http/problems.ts';
import type { FileCrs, SourcePlot } from './plotFile.ts';

/**
 * Which EPSG code a file's coordinates are in. A GeoJSON says so in its `crs` member or is WGS 84
 * (RFC 7946); a shapefile's .prj decides when it is there and can be recognised; a DXF says
 * nothing, so `crs` must be sent unless its coordinates are plainly longitude/latitude. A `crs`
 * sent beside a file that names another is refused rather than guessed between. Any code PostGIS
 * knows (spatial_ref_sys: the EPSG registry) is taken, provided it is a 2D geographic or projected one.
 */

export interface ResolvedCrs {
  epsg: number;
  name: string;
  warnings: string[];
}

/** Codes engineers of the region use, named in errors. */
export const COMMON_CRS = [
  [4326, 'WGS 84 longitude/latitude'],
  [32636, 'WGS 84 / UTM zone 36N'],
  [32637, 'WGS 84 / UTM zone 37N (most of Syria)'],
  [32638, 'WGS 84 / UTM zone 38N'],
  [32633, 'WGS 84 / UTM zone 33N (western Libya)'],
  [32634, 'WGS 84 / UTM zone 34N (eastern Libya)'],
  [22770, 'Deir ez Zor / Syria Lambert'],
] as const;

const COMMON = COMMON_CRS.map(([code, name]) => `${code} (${name})`).join(', ');

const unreadable = (detail: string) => new ProblemError(400, 'Unreadable file', detail);

interface SrsRow {
  srid: number;
  name: string;
  kind: string;
}

async function lookUp(db: Queryable, epsg: number): Promise<SrsRow | undefined> {
  const [row] = await db.query<SrsRow>(
    `select srid, split_part(srtext, '"', 2) as name, split_part(srtext, '[', 1) as kind
       from spatial_ref_sys where auth_name = 'EPSG' and auth_srid = $1`,
    [epsg],
  );
  return row;
}

/** The EPSG code sent in `crs`, checked: known, and 2D geographic or projected. */
async function sentCrs(db: Queryable, epsg: number): Promise<SrsRow> {
  const row = await lookUp(db, epsg);
  if (!row) throw invalidParameter('crs', `EPSG:${epsg} is not a coordinate system PostGIS knows; codes often used here: ${COMMON}`);
  if (row.kind !== 'PROJCS' && row.kind !== 'GEOGCS') {
    throw invalidParameter('crs', `EPSG:${epsg} (${row.name}) is not a 2D geographic or projected coordinate system; codes often used here: ${COMMON}`);
  }
  return row;
}

const normalised = (name: string) =>
  name
    .toLowerCase()
    .replace(/^gcs_/, '')
    .replace(/wgs[ _]?1984/g, 'wgs84')
    .replace(/[^a-z0-9]/g, '');

/** The EPSG system a .prj describes: its own EPSG authority, else the EPSG system of the same name (ESRI names too). */
async function prjCrs(db: Queryable, wkt: string): Promise<SrsRow | undefined> {
  const authority = /AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(wkt.trim());
  if (authority) {
    const row = await lookUp(db, Number(authority[1]));
    if (row) return row;
  }
  const name = /^\s*(PROJCS|GEOGCS)\s*\[\s*"([^"]+)"/i.exec(wkt);
  if (!name) return undefined;
  const [row] = await db.query<SrsRow>(
    `select srid, split_part(srtext, '"', 2) as name, split_part(srtext, '[', 1) as kind
       from spatial_ref_sys
      where auth_name = 'EPSG' and split_part(srtext, '[', 1) = $1
        and regexp_replace(lower(split_part(srtext, '"', 2)), '[^a-z0-9]', '', 'g') = $2
      order by srid limit 1`,
    [name[1]!.toUpperCase(), normalised(name[2]!)],
  );
  return row;
}

/** The first position that cannot be longitude/latitude, if any. */
export function notLonLat(plots: readonly SourcePlot[]): [number, number] | undefined {
  const visit = (c: unknown): [number, number] | undefined => {
    if (!Array.isArray(c)) return undefined;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      return Math.abs(x!) > 180 || Math.abs(y ?? 0) > 90 ? [x!, y!] : undefined;
    }
    for (const item of c) {
      const found = visit(item);
      if (found) return found;
    }
    return undefined;
  };
  for (const plot of plots) {
    const found = visit((plot.geometry as { coordinates?: unknown } | null)?.coordinates);
    if (found) return found;
  }
  return undefined;
}

export async function resolveCrs(db: Queryable, file: FileCrs, sent: number | undefined, plots: readonly SourcePlot[], format: string): Promise<ResolvedCrs> {
  const given = sent === undefined ? undefined : await sentCrs(db, sent);
  const warnings: string[] = [];
  let chosen: SrsRow;
  const disagree = (says: SrsRow | { srid: number; name: string }, source: string) =>
    invalidParameter('crs', `${source} says EPSG:${says.srid} (${says.name}) but crs says EPSG:${sent}: leave crs out, or correct the file`);
  if (file.kind === 'epsg') {
    const named = await lookUp(db, file.epsg);
    if (!named) throw unreadable(`${file.source} names EPSG:${file.epsg}, which PostGIS does not know: remove it and send crs; codes often used here: ${COMMON}`);
    if (given && given.srid !== named.srid) throw disagree(named, file.source);
    chosen = named;
  } else if (file.kind === 'prj') {
    const described = await prjCrs(db, file.wkt);
    if (described && given && described.srid !== given.srid) throw disagree(described, file.source);
    if (described) chosen = described;
    else if (given) {
      chosen = given;
      warnings.push(`${file.source} was not recognised (${file.wkt.slice(0, 60)}…); the coordinates were read in EPSG:${given.srid} (${given.name}) as crs says`);
    } else {
      throw unreadable(
        `The coordinate system in ${file.source} (${file.wkt.slice(0, 80)}…) is not one the importer recognises: send crs with its EPSG code; codes often used here: ${COMMON}`,
      );
    }
  } else if (given) {
    chosen = given;
  } else {
    const offending = notLonLat(plots);
    if (format === 'dxf' && offending) {
      throw invalidParameter(
        'crs',
        `A DXF drawing does not say which coordinate system it is in, and its coordinates (such as ${offending.join(', ')}) are not longitude/latitude: ` +
          `send crs with the EPSG code of the drawing; codes often used here: ${COMMON}`,
      );
    }
    chosen = (await lookUp(db, 4326))!;
    if (format !== 'geojson') warnings.push(`The ${format === 'dxf' ? 'DXF' : 'shapefile'} does not say its coordinate system; its coordinates look like longitude/latitude and were read as WGS 84 (EPSG:4326)`);
  }
  if (chosen.kind === 'GEOGCS') {
    const offending = notLonLat(plots);
    if (offending) {
      throw invalidParameter(
        'crs',
        `The coordinates were to be read as EPSG:${chosen.srid} (${chosen.name}), longitude/latitude, but ${offending.join(', ')} cannot be: ` +
          `send crs with the EPSG code they are in; codes often used here: ${COMMON}`,
      );
    }
  }
  return { epsg: chosen.srid, name: chosen.name, warnings };
}
