import { createHash } from 'node:crypto';
import { PROJECTS_DETAIL_MINZOOM, type TileLayerName } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { visibilityScope } from '../access/projectVisibility.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import type { DataVersion } from './DataVersion.ts';
import { governoratesLayer } from './layers/governoratesLayer.ts';
import { plotsLayer } from './layers/plotsLayer.ts';
import { projectClustersLayer, projectsLayer } from './layers/projectsLayer.ts';
import { zonesLayer } from './layers/zonesLayer.ts';
import type { TileCache } from './TileCache.ts';
import type { TileAddress, TileEncoder, TileLayerSource } from './TileEncoder.ts';

/**
 * The tile layers clients can ask for, and the MVT layers each one's tiles contain at zoom z, as
 * the contracts describe them (TILE_LAYERS there: names, zooms, properties).
 */
export const TILE_LAYERS = {
  governorates: (filter: ProjectFilter, viewer: Viewer) => [governoratesLayer(filter, viewer)],
  projects: (filter: ProjectFilter, viewer: Viewer, tile: TileAddress) =>
    tile.z < PROJECTS_DETAIL_MINZOOM ? [projectClustersLayer(filter, viewer, tile)] : [projectsLayer(filter, viewer)],
  zones: (filter: ProjectFilter, viewer: Viewer) => [zonesLayer(filter, viewer)],
  plots: (filter: ProjectFilter, viewer: Viewer, tile: TileAddress) => plotsLayer(filter, viewer, tile),
} satisfies Record<TileLayerName, (filter: ProjectFilter, viewer: Viewer, tile: TileAddress) => TileLayerSource[]>;

export type { TileLayerName };

export interface TileResult {
  body: Uint8Array;
  etag: string;
  cache: 'hit' | 'miss';
}

/** Encodes tiles for a viewer under filters, through the cache. */
export class TileService {
  constructor(
    private readonly db: Queryable,
    private readonly encoder: TileEncoder,
    private readonly cache: TileCache,
    private readonly version: DataVersion,
  ) {}

  async tile(layer: TileLayerName, address: TileAddress, filter: ProjectFilter, viewer: Viewer): Promise<TileResult> {
    const key = [
      layer,
      `${address.z}/${address.x}/${address.y}`,
      canonicalFilter(filter),
      visibilityScope(viewer),
      this.version.current,
    ].join('|');
    const cached = this.cache.get(key);
    if (cached) return { ...cached, cache: 'hit' };
    const body = await this.encoder.encode(this.db, address, TILE_LAYERS[layer](filter, viewer, address));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    this.cache.set(key, { body, etag });
    return { body, etag, cache: 'miss' };
  }
}

/** The same filter always gives the same string, whatever the order of keys and list items. */
export function canonicalFilter(filter: ProjectFilter): string {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, Array.isArray(value) ? [...value].sort() : value] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
