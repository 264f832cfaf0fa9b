/**
 * @marsad/contracts: what the server and the page agree on. zod schemas of every request and
 * response the page reads (types are their z.infer), vocabularies, patterns, limits and the tile
 * layers. No server code: the page bundles all of it.
 */
import './zodConfig.ts'; // first: before any schema is made
export * from './accounts.ts';
export * from './boundaries.ts';
export * from './briefs.ts';
export * from './changes.ts';
export * from './clientConfig.ts';
export * from './geometry.ts';
export * from './fieldBundle.ts';
export * from './fieldSync.ts';
export * from './imports.ts';
export * from './limits.ts';
export * from './meetings.ts';
export * from './obstacles.ts';
export * from './patterns.ts';
export * from './plans.ts';
export * from './plotActivities.ts';
export * from './plotImport.ts';
export * from './problems.ts';
export * from './progressReports.ts';
export * from './projects.ts';
export * from './summaries.ts';
export * from './tiles.ts';
export * from './vocabulary.ts';
export * from './zones.ts';
export * from './zoneTimeline.ts';
