import { ZONE_KINDS, type PlotStatus } from '@marsad/contracts';
import { investorsVisible } from '../access/plotAccess.ts';
import type { Viewer } from '../access/Viewer.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';
import type { SqlParams } from '../sql/SqlParams.ts';

/**
 * Plots as flat rows for the ways they leave Marsad in bulk (the OGC API `plots` collection and
 * the plot exports): one SQL meaning of "the plots a viewer may see under filters", and of their
 * columns. A plot is visible when its zone is: the filter starts from projectFilterSql on the
 * zone's project. Who holds a plot is only ever selected for viewers with investorsVisible, so
 * for everyone else the investor columns are not in the row at all (not even as nulls).
 */

export interface PlotFilter {
  /** Filters on the zone's project (country, governorate, kind…); kinds outside the zone kinds match nothing. */
  project?: ProjectFilter;
  zone?: number[];
  status?: PlotStatus[];
  activity?: string[];
  /** Plots allocated (allocated_on) within these calendar dates, either open. */
  allocated?: { from?: string; to?: string };
}

/** The plot, its zone and its activity; the investor is joined only where it is selected. */
export const plotFromSql = (viewer: Viewer): string =>
  `zone_plots zp
     join projects p on p.id = zp.zone_id
     join admin_areas a on a.id = p.admin_area_id
     left join plot_activities act on act.code = zp.activity_code${investorsVisible(viewer) ? '\n     left join investors i on i.id = zp.investor_id' : ''}`;

/** What every viewer sees of a plot, as `select` columns (`zp` the plot, `p` its zone, `a` its governorate). */
const PUBLIC_COLUMNS = `zp.id, zp.plot_number, zp.zone_id, p.code as zone_code, p.title_en as zone_title_en, p.title_ar as zone_title_ar,
  a.code as governorate, zp.status, zp.activity_code as activity, act.name_en as activity_name_en, act.name_ar as activity_name_ar,
  zp.area_m2::float8 as area_m2, zp.allocated_on, zp.planned_jobs, zp.actual_jobs,
  zp.planned_investment::float8 as planned_investment, zp.actual_investment::float8 as actual_investment, p.currency`;

/** Who holds the plot, by name: the OGC API's investor columns. */
const INVESTOR_NAME_COLUMNS = 'i.name_ar as investor_name, i.name_en as investor_name_en';
/** Names, kind and contacts: the exports' investor columns. */
const INVESTOR_CONTACT_COLUMNS = `${INVESTOR_NAME_COLUMNS}, i.kind as investor_kind, i.contact_name as investor_contact, i.phone as investor_phone, i.email as investor_email`;

/** The investor keys a plot row may carry, for tests and for documentation. */
export const PLOT_INVESTOR_KEYS = ['investor_name', 'investor_name_en', 'investor_kind', 'investor_contact', 'investor_phone', 'investor_email'] as const;

/** The columns of a plot row as `viewer` may see it: investors (by name, or with contacts) for the ministry only. */
export function plotColumnsSql(viewer: Viewer, investor: 'names' | 'contacts'): string {
  if (!investorsVisible(viewer)) return PUBLIC_COLUMNS;
  return `${PUBLIC_COLUMNS}, ${investor === 'names' ? INVESTOR_NAME_COLUMNS : INVESTOR_CONTACT_COLUMNS}`;
}

/** The WHERE predicate over `plotFromSql`: the zone's visibility and filters, then the plot's own. */
export function plotWhereSql(filter: PlotFilter, viewer: Viewer, params: SqlParams): string {
  const project = filter.project ?? {};
  const kinds = project.kind ? project.kind.filter((kind) => (ZONE_KINDS as readonly string[]).includes(kind)) : [...ZONE_KINDS];
  const where = [projectFilterSql({ ...project, kind: kinds }, viewer, params, 'p')];
  if (filter.zone) where.push(`zp.zone_id = any(${params.add(filter.zone)}::bigint[])`);
  if (filter.status) where.push(`zp.status = any(${params.add(filter.status)}::text[])`);
  if (filter.activity) where.push(`zp.activity_code = any(${params.add(filter.activity)}::text[])`);
  if (filter.allocated?.from) where.push(`zp.allocated_on >= ${params.add(filter.allocated.from)}::date`);
  if (filter.allocated?.to) where.push(`zp.allocated_on <= ${params.add(filter.allocated.to)}::date`);
  return where.join('\n and ');
}
