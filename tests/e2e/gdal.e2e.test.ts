/**
 * Desktop GIS reads Marsad: GDAL's OGC API – Features driver (the one QGIS uses) opens the
 * server and pages through every collection to its end. Needs Debian's gdal-bin.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/startTestServer.ts';

const run = promisify(execFile);
/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();

async function ogr(args: string[]): Promise<string> {
  const { stdout } = await run('ogr2ogr', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function total(path: string): Promise<number> {
  return (await (await fetch(new URL(path, marsad.url))).json()).total;
}

async function matched(collection: string): Promise<number> {
  return (await (await fetch(new URL(`/ogc/collections/${collection}/items?limit=1`, marsad.url))).json()).numberMatched;
}

/** What names a feature once: a project's or governorate's code, a plot's zone and number. */
const keyOf = (properties: Record<string, unknown>) => (properties.plot_number === undefined ? properties.code : `${properties.zone_id}/${properties.plot_number}`);

describe('GDAL/OGR reads the OGC API', () => {
  it.for([
    ['projects', () => total('/api/projects?limit=1')],
    ['zones', () => total('/api/projects?limit=1&kind=industrial_zone,craft_zone')],
    ['governorates', async () => 156],
    ['plots', () => matched('plots')],
  ] as [string, () => Promise<number>][])('reads every feature of %s', { timeout: 120_000 }, async ([collection, expectedCount], ctx) => {
    const expected = await expectedCount();
    // Plots come with the demo data's zones; a database without any has nothing to read.
    if (expected === 0) ctx.skip();
    // A small page size makes GDAL follow many `next` links.
    const source = `OAPIF:${new URL('/ogc', marsad.url).href}`;
    const out = await ogr(['-f', 'GeoJSON', '/vsistdout/', '-oo', 'PAGE_SIZE=50', source, collection]);
    const features: { properties: Record<string, unknown>; geometry: unknown }[] = JSON.parse(out).features;
    expect(features.length).toBe(expected);
    expect(features.every((f) => f.geometry !== null)).toBe(true);
    const ids = features.map((f) => keyOf(f.properties));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
