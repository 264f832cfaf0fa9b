import { z } from '@hono/zod-openapi';
import { PLOT_STATUSES, type PlotStatus } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { invalidParameter } from '../http/problems.ts';

/** `a,b,c` of items matching `pattern`, as a list; an item that does not is a 400 naming it. */
const listOf = (pattern: RegExp, what: string, example: string, description: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      const bad = parts.find((part) => !pattern.test(part));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not ${what}` });
        return z.NEVER;
      }
      return parts;
    })
    .optional()
    .openapi({ example, description: `${description} Comma-separated.` });

/** The plot filters of bulk plot reads (OGC API plots, plot exports), as query parameter schemas. */
export const PlotQueryParameters = {
  zone: listOf(/^[1-9]\d{0,15}$/, 'a zone id', '120', 'Zones (their project ids).'),
  status: listOf(new RegExp(`^(${PLOT_STATUSES.join('|')})$`), `a plot status (${PLOT_STATUSES.join(', ')})`, 'vacant', 'Plot statuses.'),
  activity: listOf(/^[a-z][a-z0-9_]{1,40}$/, 'an activity code such as food_processing', 'food_processing', 'Permitted activities (plot_activities codes).'),
};

export const asZoneIds = (zone: string[] | undefined): number[] | undefined => zone?.map(Number);
export const asPlotStatuses = (status: string[] | undefined): PlotStatus[] | undefined => status as PlotStatus[] | undefined;

/** Unknown activity codes are a 400 naming `parameter`, as unknown governorates are. */
export async function assertKnownActivities(db: Queryable, activity: string[] | undefined, parameter = 'activity'): Promise<void> {
  if (!activity) return;
  const [row] = await db.query<{ unknown: string[] }>('select array(select unnest($1::text[]) except select code from plot_activities) as unknown', [activity]);
  if (row?.unknown.length) throw invalidParameter(parameter, `unknown value${row.unknown.length > 1 ? 's' : ''}: ${row.unknown.sort().join(', ')}`);
}
