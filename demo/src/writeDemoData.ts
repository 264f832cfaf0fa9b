import type { Queryable } from '@marsad/db';
import { checkPreconditions } from './checkPreconditions.ts';
import { ColumnBuffer } from './ColumnBuffer.ts';
import { fromDay, toDay } from './days.ts';
import { insertDemoAccounts, type DemoAccounts } from './demoAccounts.ts';
import { writeDemoPlans } from './demoPlans.ts';
import { resolveOptions, type DemoOptions, type DemoSummary } from './DemoOptions.ts';
import { planFunding } from './funding.ts';
import { historyWindow, planContext } from './historyWindow.ts';
import { InvestorPool } from './investors.ts';
import { loadAdminAreas } from './loadAdminAreas.ts';
import { writeDemoObstacles } from './demoObstacles.ts';
import { DONORS, insertOrganizations, type OrganizationIds } from './organizations.ts';
import { progressUpdates, type HistoryWindow, type ProgressUpdateRow } from './progressUpdates.ts';
import { areaWeights, draftProject, type DraftContext } from './projectDrafts.ts';
import { ProjectCodes, type ProjectDraft } from './ProjectDraft.ts';
import { Random } from './random.ts';
import { utilityHistory } from './utilityHistory.ts';
import { draftZones } from './zoneDrafts.ts';
import { zonePlots } from './zonePlots.ts';

/** Projects per insert statement, and progress updates per insert statement. */
const PROJECT_BATCH = 5_000;
const UPDATE_BATCH = 20_000;
/** Plots per insert statement. */
const PLOT_BATCH = 5_000;
/** Share of reports signed by the governorate's engineer; the rest have no recorded author. */
const SIGNED_SHARE = 0.75;
/** Share of projects also shared with an organization that does not fund them. */
const EXTRA_SHARE_CHANCE = 0.05;

/**
 * Writes the demo data inside the caller's transaction (see `seedDemoData`), so a failure
 * leaves nothing behind. Generates deterministically from `options.seed`.
 */
export async function writeDemoData(tx: Queryable, options: DemoOptions = {}): Promise<DemoSummary> {
  const settings = resolveOptions(options);
  const today = toDay(settings.today);
  await checkPreconditions(tx, settings.countries);
  // One 'bulk_load' audit entry for the whole load instead of one per row (see migration 0008).
  await tx.query(`select set_config('marsad.audit', 'off', true)`);

  const areas = await loadAdminAreas(tx, settings.countries);
  const sectorRows = await tx.query<{ code: string; name_en: string; name_ar: string }>('select code, name_en, name_ar from sectors');
  const sectors = new Map(sectorRows.map((row) => [row.code, { en: row.name_en, ar: row.name_ar }]));
  const orgs = await insertOrganizations(tx, settings.countries, areas);
  const accounts = await insertDemoAccounts(tx, settings.countries, areas, orgs);

  const context: DraftContext = { seed: settings.seed, areas, sectors, plan: planContext(today), codes: new ProjectCodes() };
  const weights = areaWeights(areas);
  const drafts = draftZones(settings.zones, 0, context, weights);
  for (let i = 0; i < settings.projects; i++) drafts.push(draftProject(settings.zones + i, context, weights));
  const window = historyWindow(drafts, settings.updates, today);

  const writer = new DemoWriter(tx, settings.seed, window, orgs, accounts);
  for (let start = 0; start < drafts.length; start += PROJECT_BATCH) {
    await writer.write(drafts.slice(start, start + PROJECT_BATCH));
  }
  await writer.finish();
  // Plans are set from what the projects achieved, so they come last.
  const planning = await writeDemoPlans(tx, { seed: settings.seed, today, areas, accounts });
  // What blocks the projects follows from where they stand today, so it comes after their progress.
  const obstacles = await writeDemoObstacles(tx, { seed: settings.seed, today, areas, accounts, orgs });

  const summary: DemoSummary = {
    organizations: orgs.count,
    users: accounts.count,
    projects: settings.projects,
    zones: settings.zones,
    ...writer.counts,
    ...planning,
    ...obstacles,
  };
  await tx.query(`insert into audit_log (action, table_name, new_values) values ('bulk_load', 'demo', $1::jsonb)`, [
    JSON.stringify({ ...summary, seed: settings.seed, today: settings.today, countries: settings.countries }),
  ]);
  return summary;
}

/**
 * Writes drafts batch by batch: projects, then their updates, zone facts, the zones' investors,
 * plots and utility reports, funding and shares.
 */
class DemoWriter {
  readonly counts = { updates: 0, shares: 0, fundings: 0, plots: 0, investors: 0 };
  private readonly updates = new ColumnBuffer(7);
  private readonly investors = new InvestorPool();
  /** Database ids of the investors written so far, by DemoInvestor.key. */
  private readonly investorIds: number[] = [];
  /** The one statement the server may still be running while the next batch is generated. */
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tx: Queryable,
    private readonly seed: number,
    private readonly window: HistoryWindow,
    private readonly orgs: OrganizationIds,
    private readonly accounts: DemoAccounts,
  ) {}

  async write(drafts: readonly ProjectDraft[]): Promise<void> {
    const ids = await this.insertProjects(drafts);
    const zones = new ColumnBuffer(2);
    const plots = new ColumnBuffer(13);
    const utilities = new ColumnBuffer(6);
    const funding = new ColumnBuffer(3);
    const shares = new ColumnBuffer(3);
    for (const draft of drafts) {
      const id = ids.get(draft.code)!;
      const random = Random.for(this.seed, 'updates', draft.index);
      const engineer = this.accounts.engineerOf.get(draft.area.id) ?? null;
      const rows = progressUpdates(random, draft.plan, this.window);
      if (draft.zone) openZoneHistory(rows, draft);
      for (const row of rows) {
        this.updates.push(id, fromDay(row.day), row.status, row.physical, row.financial, row.note, random.chance(SIGNED_SHARE) ? engineer : null);
      }
      // Whole projects per statement, so the statement trigger touches each project once.
      if (this.updates.size >= UPDATE_BATCH) await this.flushUpdates();

      if (draft.zone) {
        zones.push(id, draft.zone.development);
        this.collectZone(id, draft, rows, plots, utilities);
      }

      const fundingRandom = Random.for(this.seed, 'funding', draft.index);
      const sharedOn = fromDay(Math.min(this.window.today, draft.registered + fundingRandom.int(0, 60)));
      const sharedWith = new Set<number>();
      for (const share of planFunding(fundingRandom, draft)) {
        const org = share.slug === 'ministry' ? this.orgs.ministryOf.get(draft.area.countryIso3)! : this.orgs.bySlug.get(share.slug)!;
        funding.push(id, org, share.amount);
        // Donors see the projects they fund.
        if (share.slug !== 'ministry') sharedWith.add(org);
      }
      if (fundingRandom.chance(EXTRA_SHARE_CHANCE)) {
        const pool = this.orgs.partners.length > 0 && fundingRandom.chance(0.5) ? this.orgs.partners : DONORS.map((d) => this.orgs.bySlug.get(d.slug)!);
        sharedWith.add(fundingRandom.pick(pool));
      }
      for (const org of sharedWith) shares.push(id, org, sharedOn);
    }
    await this.flushUpdates();
    await this.insertZoneFacts(zones.take());
    await this.insertInvestors();
    await this.insertPlots(plots.take());
    await this.insertUtilityReports(utilities.take());
    await this.insertFunding(funding.take());
    await this.insertShares(shares.take());
  }

  /** A zone's utility lines, one set per report day, and its plots (whose state follows the utilities). */
  private collectZone(id: number, draft: ProjectDraft, rows: readonly ProgressUpdateRow[], plots: ColumnBuffer, utilities: ColumnBuffer): void {
    const history = utilityHistory(Random.for(this.seed, 'utilities', draft.index), rows, draft.zone!.development);
    // One report per day carries the lines (two reports of one day would only repeat them).
    history.forEach((lines, i) => {
      if (rows[i + 1]?.day === rows[i]!.day) return;
      for (const line of lines) utilities.push(id, fromDay(rows[i]!.day), line.network, line.stage, line.readiness, line.note);
    });
    const now = history.at(-1) ?? [];
    const power = Math.min(...['water', 'electricity'].map((network) => now.find((line) => line.network === network)?.readiness ?? 0));
    const day = (value: number | null) => (value === null ? null : fromDay(value));
    const created = fromDay(Math.min(draft.registered, this.window.today));
    for (const plot of zonePlots(Random.for(this.seed, 'plots', draft.index), { draft, rows, power, today: this.window.today }, this.investors)) {
      plots.push(id, plot.number, plot.wkt, plot.activity, plot.status, plot.investor, day(plot.allocatedOn), plot.plannedJobs, plot.actualJobs,
        plot.plannedInvestment, plot.actualInvestment, plot.note, created);
    }
  }

  /** Waits for the last statement sent; its error, if any, surfaces here. */
  async finish(): Promise<void> {
    await this.inFlight;
  }

  /**
   * Sends a statement without waiting for its result, so generating the next batch overlaps
   * with the server's work. At most one is in flight, which keeps memory bounded and order intact.
   */
  private async send(sql: string, params: unknown[]): Promise<void> {
    await this.inFlight;
    const statement = this.tx.query(sql, params);
    statement.catch(() => {}); // handled when awaited in the next send() or finish()
    this.inFlight = statement;
  }

  private async insertProjects(drafts: readonly ProjectDraft[]): Promise<Map<string, number>> {
    await this.inFlight;
    const day = (value: number | null) => (value === null ? null : fromDay(value));
    const rows = await this.tx.query<{ id: number; code: string }>(
      `insert into projects (code, kind, sector_code, title_en, title_ar, description_en, description_ar, admin_area_id, geom,
                             budget, currency, planned_start, planned_end, actual_start, actual_end, is_published, is_demo, created_at)
       select code, kind, sector, title_en, title_ar, description_en, description_ar, area_id, ST_GeomFromText(wkt, 4326),
              budget, 'USD', planned_start, planned_end, actual_start, actual_end, published, true, (registered + time '09:00') at time zone 'UTC'
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
                     $10::numeric[], $11::date[], $12::date[], $13::date[], $14::date[], $15::boolean[], $16::date[])
           as d(code, kind, sector, title_en, title_ar, description_en, description_ar, area_id, wkt,
                budget, planned_start, planned_end, actual_start, actual_end, published, registered)
       returning id, code`,
      [
        drafts.map((d) => d.code),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.sector),
        drafts.map((d) => d.title.en),
        drafts.map((d) => d.title.ar),
        drafts.map((d) => d.description.en),
        drafts.map((d) => d.description.ar),
        drafts.map((d) => d.area.id),
        drafts.map((d) => d.wkt),
        drafts.map((d) => d.budget),
        drafts.map((d) => day(d.plan.plannedStart)),
        drafts.map((d) => day(d.plan.plannedEnd)),
        drafts.map((d) => day(d.plan.actualStart)),
        drafts.map((d) => day(d.plan.actualEnd)),
        drafts.map((d) => d.published),
        drafts.map((d) => day(d.registered)),
      ],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  private async flushUpdates(): Promise<void> {
    if (this.updates.size === 0) return;
    this.counts.updates += this.updates.size;
    await this.send(
      `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress, note, author_id, created_at)
       select project_id, reported_on, status, physical, financial, note, author_id, (reported_on + time '15:00') at time zone 'UTC'
         from unnest($1::bigint[], $2::date[], $3::text[], $4::numeric[], $5::numeric[], $6::text[], $7::int[])
           as u(project_id, reported_on, status, physical, financial, note, author_id)`,
      this.updates.take(),
    );
  }

  /**
   * area_ha is measured by PostGIS on the stored outline, so it always matches the map. The plot
   * counters, jobs, investment and readiness are derived by migration 0021's triggers from the
   * plots and utility reports written next.
   */
  private async insertZoneFacts(columns: unknown[][]): Promise<void> {
    if (columns[0]!.length === 0) return;
    await this.send(
      `insert into zone_facts (project_id, kind, development, area_ha)
       select p.id, p.kind, z.development, round((ST_Area(p.geom::geography) / 10000)::numeric, 2)
         from unnest($1::bigint[], $2::text[]) as z(project_id, development)
         join projects p on p.id = z.project_id`,
      columns,
    );
  }

  /** The investors created since the last batch, in one statement; their ids are needed by the plots. */
  private async insertInvestors(): Promise<void> {
    const fresh = this.investors.created.slice(this.investorIds.length);
    if (fresh.length === 0) return;
    await this.inFlight;
    const rows = await this.tx.query<{ id: number; registration_no: string }>(
      `insert into investors (country_iso3, kind, name_ar, name_en, registration_no, contact_name, phone, email, created_at, updated_at)
       select country, kind, name_ar, name_en, registration_no, contact_name, phone, email, $9::timestamptz, $9::timestamptz
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           as i(country, kind, name_ar, name_en, registration_no, contact_name, phone, email)
       returning id, registration_no`,
      [
        fresh.map((i) => i.countryIso3),
        fresh.map((i) => i.kind),
        fresh.map((i) => i.nameAr),
        fresh.map((i) => i.nameEn),
        fresh.map((i) => i.registrationNo),
        fresh.map((i) => i.contactName),
        fresh.map((i) => i.phone),
        fresh.map((i) => i.email),
        `${fromDay(this.window.from)}T09:00:00Z`,
      ],
    );
    const idOf = new Map(rows.map((row) => [row.registration_no, row.id]));
    for (const investor of fresh) this.investorIds[investor.key] = idOf.get(investor.registrationNo)!;
    this.counts.investors += fresh.length;
  }

  /** Plots in batches; the statement trigger recounts each zone's totals once per batch. */
  private async insertPlots(columns: unknown[][]): Promise<void> {
    const investorColumn = 5;
    columns[investorColumn] = columns[investorColumn]!.map((key) => (key === null ? null : this.investorIds[key as number]));
    for (let start = 0; start < columns[0]!.length; start += PLOT_BATCH) {
      const batch = columns.map((column) => column.slice(start, start + PLOT_BATCH));
      this.counts.plots += batch[0]!.length;
      await this.send(
        `insert into zone_plots (zone_id, plot_number, geom, activity_code, status, investor_id, allocated_on, planned_jobs, actual_jobs,
                                 planned_investment, actual_investment, note, created_at, updated_at)
         select zone_id, plot_number, ST_GeomFromText(wkt, 4326), activity, status, investor_id, allocated_on, planned_jobs, actual_jobs,
                planned_investment, actual_investment, note, (created_on + time '10:00') at time zone 'UTC',
                (greatest(created_on, allocated_on) + time '10:00') at time zone 'UTC'
           from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::int[], $9::int[],
                       $10::numeric[], $11::numeric[], $12::text[], $13::date[])
             as p(zone_id, plot_number, wkt, activity, status, investor_id, allocated_on, planned_jobs, actual_jobs,
                  planned_investment, actual_investment, note, created_on)`,
        batch,
      );
    }
  }

  /** Each line joins the zone's report of its day (the last one, when a day has two). */
  private async insertUtilityReports(columns: unknown[][]): Promise<void> {
    if (columns[0]!.length === 0) return;
    await this.send(
      `insert into zone_utility_reports (update_id, zone_id, network, stage, readiness, note)
       select u.id, r.zone_id, r.network, r.stage, r.readiness, r.note
         from unnest($1::bigint[], $2::date[], $3::text[], $4::text[], $5::int[], $6::text[])
           as r(zone_id, reported_on, network, stage, readiness, note)
         cross join lateral (select id from progress_updates u
                              where u.project_id = r.zone_id and u.reported_on = r.reported_on
                              order by u.id desc limit 1) u`,
      columns,
    );
  }

  private async insertFunding(columns: unknown[][]): Promise<void> {
    this.counts.fundings += columns[0]!.length;
    await this.send(
      `insert into project_funding (project_id, organization_id, amount, currency)
       select project_id, organization_id, amount, 'USD' from unnest($1::bigint[], $2::int[], $3::numeric[]) as f(project_id, organization_id, amount)`,
      columns,
    );
  }

  private async insertShares(columns: unknown[][]): Promise<void> {
    this.counts.shares += columns[0]!.length;
    await this.send(
      `insert into project_shares (project_id, organization_id, shared_by, shared_at)
       select project_id, organization_id, $4::int, (shared_on + time '11:00') at time zone 'UTC'
         from unnest($1::bigint[], $2::int[], $3::date[]) as s(project_id, organization_id, shared_on)`,
      [...columns, this.accounts.adminId],
    );
  }
}

/**
 * A zone's history starts with its registration: a rehabilitated zone's first report is the
 * damage assessment of its networks, a new zone's the works not yet started. When the window
 * dropped that report (an older zone), it is put back before the others.
 */
function openZoneHistory(rows: ProgressUpdateRow[], draft: ProjectDraft): void {
  const registration = draft.plan.milestones[0];
  if (!registration || registration.status !== 'planned' || rows[0]?.status === 'planned') return;
  const note = draft.zone!.development === 'rehabilitation' ? 'تقييم الأضرار في شبكات المنطقة ومرافقها' : 'إدراج المشروع في الخطة الاستثمارية';
  rows.unshift({ day: registration.day, status: 'planned', physical: 0, financial: 0, note });
}
