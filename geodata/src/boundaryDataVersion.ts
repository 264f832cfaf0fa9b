import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const FILES = ['../data/adm0_countries.geojson', '../data/adm1_all.geojson', '../data/adm1_label_points.geojson', './corrections.ts'];

/** A hash of the boundary files and corrections: part of the key of a prepared database snapshot. */
export async function boundaryDataVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of FILES) hash.update(await readFile(new URL(file, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}
