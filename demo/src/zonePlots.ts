import type { InvestorPool } from './investors.ts';
import { layOutPlots } from './plotLayout.ts';
import type { ProjectDraft } from './ProjectDraft.ts';
import type { ProgressUpdateRow } from './progressUpdates.ts';
import type { Random } from './random.ts';
import type { ZoneKind } from './zoneNames.ts';

export type PlotStatus = 'vacant' | 'reserved' | 'allocated' | 'under_construction' | 'producing';

/** One plot ready to be written (dates as day numbers, money in the zone project's currency). */
export interface PlotRow {
  number: string;
  wkt: string;
  areaM2: number;
  activity: string | null;
  status: PlotStatus;
  /** DemoInvestor.key, null for a vacant plot. */
  investor: number | null;
  allocatedOn: number | null;
  plannedJobs: number | null;
  actualJobs: number | null;
  plannedInvestment: number | null;
  actualInvestment: number | null;
  note: string | null;
}

/** What a zone's plots follow: its kind, age and state. */
export interface ZoneState {
  draft: ProjectDraft;
  /** The zone's progress reports (the last is its state today). */
  rows: readonly ProgressUpdateRow[];
  /** Readiness (0–100) of water and electricity today: without them nobody produces. */
  power: number;
  today: number;
}

/** Permitted activities by zone kind, with how common each is (plot_activities' codes). */
const ACTIVITY_WEIGHTS: Readonly<Record<ZoneKind, Readonly<Record<string, number>>>> = {
  industrial_zone: {
    food_processing: 20, textiles: 12, chemicals: 8, pharmaceuticals: 3, engineering: 15, building_materials: 12,
    printing_packaging: 6, warehousing: 10, carpentry: 6, services: 4,
  },
  craft_zone: {
    food_processing: 8, textiles: 8, printing_packaging: 3, carpentry: 18, blacksmithing: 18, vehicle_repair: 22,
    electrical_repair: 12, traditional_crafts: 6, services: 8,
  },
};
/** Activities that need large plots; a plot of more than 1.5 ha goes to one of them. */
const HEAVY = ['building_materials', 'chemicals', 'engineering', 'warehousing', 'food_processing'];
/** Jobs per hectare of an industrial plot and investment per m² (USD), by activity. */
const JOBS_PER_HA: Readonly<Record<string, number>> = {
  food_processing: 45, textiles: 70, chemicals: 20, pharmaceuticals: 50, engineering: 35, building_materials: 12, printing_packaging: 40,
  warehousing: 8, carpentry: 45, blacksmithing: 60, vehicle_repair: 55, electrical_repair: 70, traditional_crafts: 80, services: 30,
};
const USD_PER_M2: Readonly<Record<string, number>> = {
  food_processing: 250, textiles: 200, chemicals: 300, pharmaceuticals: 600, engineering: 220, building_materials: 120, printing_packaging: 200,
  warehousing: 90, carpentry: 120, blacksmithing: 110, vehicle_repair: 90, electrical_repair: 100, traditional_crafts: 80, services: 100,
};
/** Building costs differ by country (the demo's money is in USD). */
const COST_LEVEL: Readonly<Record<string, number>> = { SYR: 0.8, LBY: 1, SAU: 1.4 };
/** A plot held with its neighbour by the same investor (a factory on two plots, five workshops in a row). */
const NEIGHBOUR_SAME_HOLDER: Readonly<Record<ZoneKind, number>> = { industrial_zone: 0.2, craft_zone: 0.12 };
const YEAR = 365;
/** Days from allocation to production, at the least. */
const BUILD_DAYS = Math.round(1.2 * YEAR);

const WITHDRAWN_NOTE = 'سحب التخصيص من المستثمر السابق لعدم المباشرة بالبناء خلال المهلة المحددة';
const RESERVED_NOTES = ['بانتظار استكمال أوراق التخصيص', 'تم تسديد الدفعة الأولى من قيمة المقسم', null, null];

/**
 * The plots of one zone with their activity, status, holder, dates, jobs and investment.
 * Statuses follow the zone's state: a new zone under works is mostly vacant and reserved and
 * produces only once water and electricity are there; a rehabilitated zone was full before and
 * many of its plots produce again. Plots near the entrance were taken first.
 */
export function zonePlots(random: Random, zone: ZoneState, investors: InvestorPool): PlotRow[] {
  const { draft } = zone;
  const kind = draft.kind as ZoneKind;
  const rehabilitated = draft.zone!.development === 'rehabilitation';
  const last = zone.rows.at(-1);
  const progress = (last?.physical ?? 0) / 100;
  const laidOut = layOutPlots(random, kind, draft.wkt);
  if (laidOut.length === 0) return [];

  const jitter = random.between(-0.08, 0.08);
  const takenShare = rehabilitated
    ? clamp(0.5 + 0.35 * progress + jitter, 0.3, 0.95)
    : last?.status === 'planned' || last?.status === 'tendering' ? clamp(0.02 + jitter, 0, 0.08) : clamp(0.03 + 0.75 * progress ** 1.2 + jitter, 0, 0.9);
  // A factory takes more than a year from allocation to production: a young new zone has none yet.
  const oldEnough = zone.today - draft.registered > BUILD_DAYS + 30;
  const producingShare = rehabilitated
    ? clamp(0.3 + 0.6 * (zone.power / 100), 0, 0.9)
    : zone.power >= 50 && oldEnough ? 0.7 * ((zone.power - 50) / 50) : 0;
  const buildingShare = rehabilitated ? 0.5 : progress > 0.15 ? 0.6 : 0.2;
  const reservedShare = rehabilitated ? random.between(0.08, 0.2) : 0.1 + 0.25 * progress;

  // The order plots were taken in: by block from the entrance, with some spread.
  const lastBlock = Math.max(1, laidOut.at(-1)!.block);
  const order = laidOut.map((plot, i) => ({ i, score: plot.block / lastBlock + random.between(0, 0.6) })).sort((a, b) => a.score - b.score);
  const statusOf = new Array<PlotStatus>(laidOut.length).fill('vacant');
  const taken = Math.round(laidOut.length * takenShare);
  const producing = Math.round(taken * producingShare);
  const building = Math.round((taken - producing) * buildingShare);
  const reserved = Math.round((laidOut.length - taken) * reservedShare);
  order.forEach(({ i }, rank) => {
    statusOf[i] = rank < producing ? 'producing' : rank < producing + building ? 'under_construction' : rank < taken ? 'allocated' : rank < taken + reserved ? 'reserved' : 'vacant';
  });

  const weights = ACTIVITY_WEIGHTS[kind];
  const activities = Object.keys(weights);
  const zoneHolders: number[] = [];
  let previous: { investor: number; activity: string | null; block: number } | null = null;
  const country = draft.area.countryIso3;
  const cost = COST_LEVEL[country] ?? 1;

  return laidOut.map((plot, i): PlotRow => {
    const status = statusOf[i]!;
    let activity: string | null =
      plot.areaM2 > 15_000 ? random.pick(HEAVY) : random.weighted(activities, (code) => weights[code]!);
    if (status === 'vacant') {
      previous = null;
      // Most vacant plots keep the activity the plan designates; some are open to any.
      const withdrawn = (rehabilitated || progress > 0.5) && random.chance(0.04);
      return {
        number: plot.number, wkt: plot.wkt, areaM2: plot.areaM2, activity: random.chance(0.85) ? activity : null, status,
        investor: null, allocatedOn: null, plannedJobs: null, actualJobs: null, plannedInvestment: null, actualInvestment: null,
        note: withdrawn ? WITHDRAWN_NOTE : null,
      };
    }

    let investor: number;
    if (previous && previous.block === plot.block && random.chance(NEIGHBOUR_SAME_HOLDER[kind])) {
      investor = previous.investor;
      activity = previous.activity ?? activity;
    } else if (zoneHolders.length > 0 && random.chance(0.04)) {
      investor = random.pick(zoneHolders);
    } else {
      const existing = kind === 'industrial_zone' && random.chance(0.06) ? investors.existingCompany(random, country) : null;
      const holderKind = kind === 'industrial_zone' ? (random.chance(0.8) ? 'company' : 'person') : random.chance(0.25) ? 'company' : 'person';
      investor = (existing ?? investors.create(random, country, holderKind, activity)).key;
    }
    zoneHolders.push(investor);
    previous = { investor, activity, block: plot.block };

    const ha = plot.areaM2 / 10_000;
    // A craft workshop employs its master and two to six hands, whatever the trade.
    const plannedJobs = kind === 'craft_zone'
      ? Math.max(2, Math.round(plot.areaM2 / random.between(40, 90)))
      : Math.max(2, Math.round(ha * (JOBS_PER_HA[activity] ?? 30) * random.between(0.7, 1.3)));
    const plannedInvestment = Math.max(5_000, Math.round((plot.areaM2 * (USD_PER_M2[activity] ?? 100) * cost * random.between(0.6, 1.5)) / 1000) * 1000);
    const spent = { reserved: null, allocated: random.between(0, 0.05), under_construction: random.between(0.15, 0.7), producing: random.between(0.8, 1.2) }[status];
    return {
      number: plot.number,
      wkt: plot.wkt,
      areaM2: plot.areaM2,
      activity,
      status,
      investor,
      allocatedOn: status === 'reserved' ? null : allocatedOn(random, status, zone, rehabilitated),
      plannedJobs,
      actualJobs: status === 'reserved' ? null : status === 'producing' ? Math.max(1, Math.round(plannedJobs * random.between(0.5, 1.1))) : 0,
      plannedInvestment,
      actualInvestment: spent === null ? null : Math.round((plannedInvestment * spent) / 1000) * 1000,
      note: status === 'reserved' ? random.pick(RESERVED_NOTES) : null,
    };
  });
}

/**
 * When a plot was allocated: long ago for a rehabilitated zone's older factories, otherwise after
 * the zone was registered, early enough to have been built (producing) or started (under construction).
 */
function allocatedOn(random: Random, status: PlotStatus, zone: ZoneState, rehabilitated: boolean): number {
  const registered = zone.draft.registered;
  const minimumAge = status === 'producing' ? BUILD_DAYS : status === 'under_construction' ? 90 : 0;
  const earliest = Math.min(zone.today, registered + 30);
  const latest = zone.today - minimumAge;
  // A rehabilitated zone's factories mostly restart on plots allocated before the damage.
  if (rehabilitated && status === 'producing' && (latest < earliest || random.chance(0.7))) return registered - random.int(2 * YEAR, 18 * YEAR);
  return random.int(earliest, Math.max(earliest, latest));
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
