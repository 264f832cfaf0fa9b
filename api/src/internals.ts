/**
 * The server's parts that tests check on their own (white-box): the access rule, the tile
 * encoders and layers, the summaries, the error handler. Nothing but tests imports this; the web
 * app imports @marsad/contracts, never the api.
 */
export { ANONYMOUS, projectVisibility, visibilityScope, type Role, type Viewer } from './access/index.ts';
export { errorHandler } from './http/errorHandler.ts';
export * from './summaries/index.ts';
export * from './tiles/index.ts';
export { findPlotMisfits } from './zones/plots/plotGeometryRules.ts';
export { plotRows, type PlotFilter } from './zones/plots/plotQueries.ts';
