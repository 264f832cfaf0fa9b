import type { Database } from '@marsad/db';
import { withActor } from '@marsad/db';
import type { Client } from './client.ts';
import { createProject, type CreatedProject } from './freshData.ts';

/**
 * Zones with plots for the zone head, utilities and timeline tests, written straight into the
 * database (the plots API is another helper's): a zone project through the API, its zone_facts
 * row and plots by SQL. Each test makes its own zone, so none depends on another's.
 */

/** A zone's outline well inside Damascus: 0.02° square (about 1.85 × 2.2 km). */
export const ZONE_OUTLINE = {
  type: 'Polygon',
  coordinates: [[[36.28, 33.5], [36.3, 33.5], [36.3, 33.52], [36.28, 33.52], [36.28, 33.5]]],
};

/**
 * A new zone by `client` (an admin or Damascus engineer): an industrial zone in Damascus unless
 * `fields` say otherwise, with its zone_facts row (derived totals start at 0).
 */
export async function createZone(
  client: Client,
  db: Database,
  { development = 'new', area_ha = 120, ...fields }: Record<string, unknown> & { development?: 'new' | 'rehabilitation'; area_ha?: number | null } = {},
): Promise<CreatedProject> {
  const zone = await createProject(client, { kind: 'industrial_zone', sector: 'industry', geometry: ZONE_OUTLINE, ...fields });
  await db.query(
    `insert into zone_facts (project_id, kind, development, area_ha, plots_total, plots_allocated, plots_in_production)
     select id, kind, $2, $3, 0, 0, 0 from projects where id = $1`,
    [zone.id, development, area_ha],
  );
  return zone;
}

/** A new investor (a company), by SQL; its id. */
export async function createInvestor(db: Database, name_ar: string, name_en: string | null = null): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into investors (country_iso3, kind, name_ar, name_en) values ('SYR', 'company', $1, $2) returning id`,
    [name_ar, name_en],
  );
  return row!.id;
}

export interface PlotSpec {
  status?: 'vacant' | 'reserved' | 'allocated' | 'under_construction' | 'producing';
  activity?: string | null;
  investor_id?: number | null;
  planned_jobs?: number | null;
  actual_jobs?: number | null;
  planned_investment?: number | null;
  actual_investment?: number | null;
}

/** The user id of a demo account, to write as them (the audit log names them). */
export async function userId(db: Database, email: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('select id from users where email = $1', [email]);
  if (!row) throw new Error(`no account ${email}`);
  return row.id;
}

/**
 * Plots in zone `zoneId` (outlined by ZONE_OUTLINE), written as `actorId`: squares of about 90 m
 * in rows of 18 from its south-west corner, numbered from `first`. Allocated and later plots get an allocation date.
 * Their ids, in the order given.
 */
export async function addPlots(db: Database, zoneId: number, plots: readonly PlotSpec[], actorId: number | null = null, first = 1): Promise<number[]> {
  return withActor(db, actorId, async (tx) => {
    const ids: number[] = [];
    for (const [i, plot] of plots.entries()) {
      const n = first + i - 1;
      const status = plot.status ?? 'vacant';
      const [row] = await tx.query<{ id: number }>(
        `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on,
                                 planned_jobs, actual_jobs, planned_investment, actual_investment)
         values ($1, $2, ST_Multi(ST_MakeEnvelope($3::float8, $11::float8, $3::float8 + 0.0009, $11::float8 + 0.0009, 4326)), $4, $5::text, $6,
                 case when $5::text in ('vacant', 'reserved') then null else date '2025-01-15' end, $7, $8, $9, $10)
         returning id`,
        [
          zoneId, String(first + i), 36.281 + (n % 18) * 0.001, plot.activity ?? null, status, plot.investor_id ?? null,
          plot.planned_jobs ?? null, plot.actual_jobs ?? null, plot.planned_investment ?? null, plot.actual_investment ?? null, 33.501 + Math.floor(n / 18) * 0.001,
        ],
      );
      ids.push(row!.id);
    }
    return ids;
  });
}

/** Changes plot `plotId` as `actorId` (status, investor…), as the plots API would, for the history. */
export async function changePlot(db: Database, plotId: number, change: Record<string, unknown>, actorId: number | null): Promise<void> {
  const keys = Object.keys(change);
  await withActor(db, actorId, (tx) =>
    tx.query(`update zone_plots set ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')} where id = $1`, [plotId, ...keys.map((k) => change[k])]),
  );
}
