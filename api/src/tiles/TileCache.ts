import { LRUCache } from 'lru-cache';

export interface CachedTile {
  body: Uint8Array;
  etag: string;
}

/**
 * Encoded tiles in memory, bounded by bytes. Keys must name everything a tile depends on:
 * layer, address, filters, the viewer's visibility scope and the data version (see tileKey).
 */
export class TileCache {
  /** Undefined when the cache is turned off (TILE_CACHE_MB=0). */
  private readonly lru: LRUCache<string, CachedTile> | undefined;

  constructor(maxBytes: number) {
    this.lru =
      maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (tile) => Math.max(1, tile.body.length) }) : undefined;
  }

  get(key: string): CachedTile | undefined {
    return this.lru?.get(key);
  }

  set(key: string, tile: CachedTile): void {
    this.lru?.set(key, tile);
  }

  clear(): void {
    this.lru?.clear();
  }
}
