import { describeProject, townsOf } from './composeTitle.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { placePolygon } from './placeGeometry.ts';
import type { PlaceName } from './places.ts';
import { planProgress } from './progressPlan.ts';
import type { DraftContext } from './projectDrafts.ts';
import { roundBudget, type ProjectDraft } from './ProjectDraft.ts';
import { Random } from './random.ts';
import { genericZoneName, NAMED_ZONES, type ZoneKind } from './zoneNames.ts';

/** Syria and Libya mostly rehabilitate existing zones; Saudi Arabia mostly builds new ones. */
const REHABILITATION_CHANCE: Readonly<Record<string, number>> = { SYR: 0.55, LBY: 0.45, SAU: 0.2 };

const PROFILE: Readonly<Record<ZoneKind, { sector: string; medianHa: number; ha: [number, number]; medianBudget: number; budget: [number, number] }>> = {
  industrial_zone: { sector: 'industry', medianHa: 400, ha: [80, 1500], medianBudget: 12_000_000, budget: [2_000_000, 50_000_000] },
  craft_zone: { sector: 'crafts', medianHa: 15, ha: [3, 60], medianBudget: 1_200_000, budget: [150_000, 8_000_000] },
};

/**
 * Industrial and craft zones: the real named industrial cities first (where their governorate
 * is seeded), then "<town> Industrial Zone" / "<town> Craft Zone" in governorates by weight.
 */
export function draftZones(count: number, firstIndex: number, context: DraftContext, weights: Map<AdminArea, number>): ProjectDraft[] {
  const random = Random.for(context.seed, 'zones');
  const byCode = new Map(context.areas.map((area) => [area.code, area]));
  const named = NAMED_ZONES.filter((zone) => byCode.has(zone.code));
  const usedNames = new Set<string>();
  const drafts: ProjectDraft[] = [];

  for (let i = 0; i < count; i++) {
    // Two zones in five are industrial; the rest are smaller craft zones.
    const kind: ZoneKind = i % 5 === 0 || i % 5 === 3 ? 'industrial_zone' : 'craft_zone';
    const namedIndex = named.findIndex((zone) => zone.kind === kind);
    let area: AdminArea;
    let name: PlaceName;
    if (namedIndex >= 0) {
      const [zone] = named.splice(namedIndex, 1);
      area = byCode.get(zone!.code)!;
      name = zone!.name;
    } else {
      area = random.weighted(context.areas, (a) => weights.get(a)!);
      const free = townsOf(area).filter((town) => !usedNames.has(genericZoneName(kind, town).en));
      const town = free.length > 0 ? random.pick(free) : random.pick(townsOf(area));
      name = genericZoneName(kind, town);
      // A second zone of the same town gets a number: "Douma Craft Zone 2".
      for (let n = 2; usedNames.has(name.en); n++) name = { en: `${genericZoneName(kind, town).en} ${n}`, ar: `${genericZoneName(kind, town).ar} ${n}` };
    }
    usedNames.add(name.en);
    drafts.push(draftZone(firstIndex + i, kind, area, name, context));
  }
  return drafts;
}

function draftZone(index: number, kind: ZoneKind, area: AdminArea, name: PlaceName, context: DraftContext): ProjectDraft {
  const random = Random.for(context.seed, 'zone', index);
  const profile = PROFILE[kind];
  const targetHa = Math.min(profile.ha[1], Math.max(profile.ha[0], random.logNormal(profile.medianHa, 0.6)));
  const geometry = placePolygon(Random.for(context.seed, 'geometry', index), area, targetHa * 10_000);
  const budget = roundBudget(random.logNormal(profile.medianBudget, 0.6), profile.budget[0], profile.budget[1]);
  const plan = planProgress(random, budget, context.plan);
  return {
    index,
    code: context.codes.take(area, plan.plannedStart),
    kind,
    sector: profile.sector,
    title: name,
    description: describeProject(random, area, context.sectors.get(profile.sector)!, 'zone'),
    area,
    wkt: geometry.wkt,
    budget,
    plan,
    registered: plan.milestones[0]?.day ?? context.plan.today,
    published: plan.scenario !== 'cancelled' && random.chance(0.35),
    zone: {
      development: random.chance(REHABILITATION_CHANCE[area.countryIso3] ?? 0.4) ? 'rehabilitation' : 'new',
      areaHa: geometry.areaM2 / 10_000,
    },
  };
}
