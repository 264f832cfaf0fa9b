import type { ProjectSummary } from '@marsad/contracts';
import type { Geometry } from 'geojson';

/** A project row as the list and export queries read it: the contract's ProjectSummary, with its geometry when asked for. */
export type ProjectSummaryRow = ProjectSummary & { geometry?: Geometry };
