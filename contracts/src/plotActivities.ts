import { z } from 'zod';

/** A permitted activity of zone plots (plot_activities), bilingual, with the kinds of zone where it is usual. */
export const PlotActivity = z.object({
  code: z.string(),
  name_ar: z.string(),
  name_en: z.string(),
  zone_kinds: z.array(z.enum(['industrial_zone', 'craft_zone'])),
});
export type PlotActivity = z.infer<typeof PlotActivity>;

/** `GET /api/plot-activities`: every activity, in reading order. */
export const PlotActivityList = z.object({ items: z.array(PlotActivity) });
export type PlotActivityList = z.infer<typeof PlotActivityList>;
