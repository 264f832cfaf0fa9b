import { HELD_PLOT_STATUSES, isPlotTransitionAllowed, PLOT_STATUSES, TAKEN_PLOT_STATUSES, type PlotStatus } from '@marsad/contracts';

/**
 * Plot statuses in the Okabe–Ito palette (safe for colour-blind readers), from the yellow of an
 * open plot through the blues of plots taken to the green of plots producing. The list, the
 * legend and the map use these same colours, and always beside the status in words.
 */
export const PLOT_STATUS_COLORS: Record<PlotStatus, string> = {
  vacant: '#F0E442',
  reserved: '#E69F00',
  allocated: '#56B4E9',
  under_construction: '#0072B2',
  producing: '#009E73',
};

/** One segment of the stacked bar of plots by status: its share of all plots, 0–100. */
export interface StatusSegment {
  status: PlotStatus;
  count: number;
  share: number;
}

/** The plots by status as segments of a bar, in lifecycle order (empty statuses kept, at 0). */
export function statusSegments(byStatus: Partial<Record<PlotStatus, number>>): StatusSegment[] {
  const total = PLOT_STATUSES.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  return PLOT_STATUSES.map((status) => {
    const count = byStatus[status] ?? 0;
    return { status, count, share: total > 0 ? (100 * count) / total : 0 };
  });
}

/** The statuses every one of `from` may go to (isPlotTransitionAllowed), in lifecycle order. */
export function allowedTargets(from: readonly PlotStatus[]): PlotStatus[] {
  if (from.length === 0) return [];
  return PLOT_STATUSES.filter((to) => from.every((status) => isPlotTransitionAllowed(status, to)));
}

/** A holding status names who holds the plot. */
export const needsInvestor = (status: PlotStatus): boolean => (HELD_PLOT_STATUSES as readonly PlotStatus[]).includes(status);
/** Allocated and beyond carry the day the plot was allocated. */
export const needsAllocationDate = (status: PlotStatus): boolean => (TAKEN_PLOT_STATUSES as readonly PlotStatus[]).includes(status);
