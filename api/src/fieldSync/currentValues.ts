import { PROJECT_COLUMNS } from '../projects/writeQueries.ts';
import { canonicalJson } from './idempotentWrite.ts';

/**
 * The values a held write changes, as they stand, by the names clients use (a progress report's
 * status and percentages, a project's fields, a plot's status and investor): SQL expressions that
 * judge a write's `base` and show a conflict's `current`. Constants only, never input.
 */

/** A project's progress values (alias: the PROJECTS row). */
export const progressValuesJson = (alias = 'p') =>
  `jsonb_build_object('status', ${alias}.status, 'physical_progress', ${alias}.physical_progress, 'financial_progress', ${alias}.financial_progress)`;

/** A project's editable fields, its geometry as GeoJSON read it (6 decimals) and its funders (alias: the PROJECTS row). */
export const projectValuesJson = (alias = 'p') =>
  `(jsonb_build_object(${Object.entries(PROJECT_COLUMNS)
    .map(([name, column]) => `'${name}', ${alias}.${column}`)
    .join(', ')})
    || jsonb_build_object('geometry', ST_AsGeoJSON(${alias}.geom, 6)::jsonb,
                          'funding', (select coalesce(jsonb_agg(jsonb_build_object('organization', o.slug, 'amount', f.amount, 'currency', f.currency)
                                                                order by o.slug), '[]'::jsonb)
                                        from project_funding f join organizations o on o.id = f.organization_id
                                       where f.project_id = ${alias}.id)))`;

/** Some plots' status and investor, keyed by plot id (`ids`: an SQL bigint[] expression). */
export const plotValuesJson = (ids: string) =>
  `(select coalesce(jsonb_object_agg(zp.id::text, jsonb_build_object('status', zp.status, 'investor_id', zp.investor_id)), '{}'::jsonb)
      from zone_plots zp where zp.id = any(${ids}))`;

/** A funding list compared by what it says: funder, amount and currency (the project's when left out), in funder order. */
function comparableFunding(value: unknown, currency: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value
    .map((row: { organization?: unknown; amount?: unknown; currency?: unknown }) => ({
      organization: row.organization,
      amount: Number(row.amount),
      currency: row.currency ?? currency,
    }))
    .sort((a, b) => String(a.organization).localeCompare(String(b.organization)));
}

/**
 * Whether every one of `keys` is the same in `base` (what the writer saw) and `current`; a key the
 * base leaves out cannot be shown untouched, so it counts as moved.
 */
export function untouched(base: Record<string, unknown>, current: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => {
    if (!(key in base)) return false;
    const seen = key === 'funding' ? comparableFunding(base[key], current.currency) : base[key];
    const now = key === 'funding' ? comparableFunding(current[key], current.currency) : current[key];
    return canonicalJson(seen ?? null) === canonicalJson(now ?? null);
  });
}
