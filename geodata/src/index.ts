export { loadBoundaries, type BoundaryLoadResult } from './loadBoundaries.ts';
export { ADMIN_AREA_CORRECTIONS, type AdminAreaCorrection } from './corrections.ts';
export { boundaryDataVersion } from './boundaryDataVersion.ts';
