export type { TileAddress, TileEncoder, TileLayerSource } from './TileEncoder.ts';
export { JavascriptTileEncoder } from './JavascriptTileEncoder.ts';
export { PostgisTileEncoder } from './PostgisTileEncoder.ts';
export { tileEncoderFor } from './tileEncoderFor.ts';
export { governoratesLayer } from './layers/governoratesLayer.ts';
export { projectsLayer, projectClustersLayer } from './layers/projectsLayer.ts';
export { zonesLayer } from './layers/zonesLayer.ts';
export { plotsLayer } from './layers/plotsLayer.ts';
