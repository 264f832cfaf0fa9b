export interface DemoOptions {
  /** Same seed, same data. */
  seed?: number;
  /** Development projects and service centres (zones not included). */
  projects?: number;
  /** Industrial and craft zones; by default 60, or one per 250 projects when that is more (the bench's 100,000 projects get 400 zones and over 50,000 plots). */
  zones?: number;
  /** Progress updates in total, spread over the three years before `today` (approximate). */
  updates?: number;
  /** ISO 3166-1 alpha-3 codes of the countries to fill; their boundaries must be loaded. */
  countries?: string[];
  /** 'YYYY-MM-DD': the generated history ends here. Fixed by default so the data is stable. */
  today?: string;
}

export interface DemoSummary {
  organizations: number;
  users: number;
  projects: number;
  zones: number;
  updates: number;
  /** Zone plots, and the investors holding them. */
  plots: number;
  investors: number;
  shares: number;
  fundings: number;
  /** Annual plans (country × year), their target lines over all versions, and periodic returns. */
  plans: number;
  targets: number;
  returns: number;
  /** Obstacles (active and ended), their escalations, review meetings and the decisions taken in them. */
  obstacles: number;
  escalations: number;
  meetings: number;
  decisions: number;
}

export const DEMO_DEFAULTS: Required<DemoOptions> = {
  seed: 20261122,
  projects: 2000,
  zones: 60,
  updates: 20_000,
  countries: ['SYR', 'LBY', 'SAU'],
  today: '2026-11-01',
};

export function resolveOptions(options: DemoOptions = {}): Required<DemoOptions> {
  const resolved: Required<DemoOptions> = {
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    projects: options.projects ?? DEMO_DEFAULTS.projects,
    zones: options.zones ?? defaultZones(options.projects ?? DEMO_DEFAULTS.projects),
    updates: options.updates ?? DEMO_DEFAULTS.updates,
    countries: [...(options.countries ?? DEMO_DEFAULTS.countries)],
    today: options.today ?? DEMO_DEFAULTS.today,
  };
  for (const key of ['projects', 'zones', 'updates'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) {
      throw new Error(`Demo option "${key}" must be a whole number ≥ 0, got ${resolved[key]}`);
    }
  }
  if (!Number.isInteger(resolved.seed)) throw new Error(`Demo option "seed" must be an integer, got ${resolved.seed}`);
  if (resolved.countries.length === 0) throw new Error('Demo option "countries" must name at least one country');
  return resolved;
}

/** Zones grow with the portfolio: 60, or one per 250 projects at a larger scale. */
export function defaultZones(projects: number): number {
  return Math.max(DEMO_DEFAULTS.zones, Math.round(projects / 250));
}
