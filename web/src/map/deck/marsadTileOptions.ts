import type { MVTLayerProps } from '@deck.gl/geo-layers';
import { MVTLoader } from '@loaders.gl/mvt';
import { TILE_MAXZOOM } from '@marsad/contracts';

type SharedProps = 'minZoom' | 'maxZoom' | 'binary' | 'loaders' | 'loadOptions' | 'pickable' | 'autoHighlight' | 'onTileError';

/**
 * The options every deck.gl layer over Marsad's own vector tiles shares. Tiles are decoded on
 * the main thread (`worker: false`): loaders.gl would otherwise fetch its worker from a CDN,
 * which an air-gapped map cannot reach. A tile that cannot be fetched (a tablet that lost its
 * connection) stays empty without filling the console: the tiles are asked for again when the
 * connection is back (`dataVersion.ts`).
 */
export function marsadTileOptions(): Pick<MVTLayerProps, SharedProps> {
  return {
    minZoom: 0,
    // Beyond the deepest tiles the API serves, their features are drawn larger (overzoom).
    maxZoom: TILE_MAXZOOM,
    binary: false,
    loaders: [MVTLoader],
    loadOptions: { worker: false },
    pickable: true,
    autoHighlight: true,
    onTileError: () => undefined,
  };
}
