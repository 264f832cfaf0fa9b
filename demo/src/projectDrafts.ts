import { describeProject, composeTitle, needsTwoTowns, townsOf } from './composeTitle.ts';
import type { AdminArea } from './loadAdminAreas.ts';
import { placeLine, placePoint, placePolygon } from './placeGeometry.ts';
import { COUNTRY_WEIGHTS, DEFAULT_GOVERNORATE_WEIGHT, GOVERNORATE_WEIGHTS } from './places.ts';
import { planProgress, type PlanContext, type Scenario } from './progressPlan.ts';
import { PROJECT_TEMPLATES, SECTOR_PROFILES, SERVICE_CENTRE_TEMPLATES, SHAPE_WEIGHTS, type ProjectTemplate } from './projectTemplates.ts';
import { roundBudget, type ProjectCodes, type ProjectDraft } from './ProjectDraft.ts';
import { Random } from './random.ts';

export interface DraftContext {
  seed: number;
  areas: readonly AdminArea[];
  sectors: ReadonlyMap<string, { en: string; ar: string }>;
  plan: PlanContext;
  codes: ProjectCodes;
}

const SERVICE_CENTRE_SHARE = 0.04;
/** Published projects are visible to the public; stalled and cancelled ones rarely are. */
const PUBLISH_CHANCE: Readonly<Record<Scenario, number>> = { on_track: 0.24, early: 0.3, delayed: 0.2, stalled: 0.08, cancelled: 0 };

/** Each area's share of all projects: its country's share split by the governorate weights. */
export function areaWeights(areas: readonly AdminArea[]): Map<AdminArea, number> {
  const countryTotals = new Map<string, number>();
  for (const area of areas) {
    countryTotals.set(area.countryIso3, (countryTotals.get(area.countryIso3) ?? 0) + (GOVERNORATE_WEIGHTS[area.code] ?? DEFAULT_GOVERNORATE_WEIGHT));
  }
  return new Map(
    areas.map((area) => [
      area,
      ((COUNTRY_WEIGHTS[area.countryIso3] ?? 20) * (GOVERNORATE_WEIGHTS[area.code] ?? DEFAULT_GOVERNORATE_WEIGHT)) / countryTotals.get(area.countryIso3)!,
    ]),
  );
}

export function draftProject(index: number, context: DraftContext, weights: Map<AdminArea, number>): ProjectDraft {
  const random = Random.for(context.seed, 'project', index);
  const area = random.weighted(context.areas, (a) => weights.get(a)!);
  const kind = random.chance(SERVICE_CENTRE_SHARE) ? 'service_centre' : 'development_project';
  const template = kind === 'service_centre' ? random.pick(SERVICE_CENTRE_TEMPLATES) : pickTemplate(random, area);
  const profile = SECTOR_PROFILES[template.sector]!;
  const budget = roundBudget(random.logNormal(profile.medianBudget, 0.9), 50_000, 50_000_000);
  const plan = planProgress(random, budget, context.plan);

  const geometryRandom = Random.for(context.seed, 'geometry', index);
  const [min, max] = template.size ?? [0, 0];
  const geometry =
    template.shape === 'line'
      ? placeLine(geometryRandom, area, geometryRandom.between(min, max))
      : template.shape === 'polygon'
        ? placePolygon(geometryRandom, area, geometryRandom.between(min, max))
        : placePoint(geometryRandom, area);

  // Not yet registered by today (planned far ahead): count it as registered today.
  const registered = plan.milestones[0]?.day ?? context.plan.today;
  return {
    index,
    code: context.codes.take(area, plan.plannedStart),
    kind,
    sector: template.sector,
    title: composeTitle(random, template, area),
    description: describeProject(random, area, context.sectors.get(template.sector)!, 'project'),
    area,
    wkt: geometry.wkt,
    budget,
    plan,
    registered,
    published: random.chance(PUBLISH_CHANCE[plan.scenario]),
  };
}

/** Geometry type first (to hit the 75/15/10 mix), then a sector by its weight among the templates of that type. */
function pickTemplate(random: Random, area: AdminArea): ProjectTemplate {
  const shape = random.weighted(SHAPE_WEIGHTS, (s) => s.weight).shape;
  const twoTowns = townsOf(area).length >= 2;
  const candidates = PROJECT_TEMPLATES.filter((t) => t.shape === shape && (twoTowns || !needsTwoTowns(t)));
  const perSector = new Map<string, number>();
  for (const t of candidates) perSector.set(t.sector, (perSector.get(t.sector) ?? 0) + 1);
  return random.weighted(candidates, (t) => SECTOR_PROFILES[t.sector]!.weight / perSector.get(t.sector)!);
}
