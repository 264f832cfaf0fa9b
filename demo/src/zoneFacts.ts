import type { ProjectDraft } from './ProjectDraft.ts';
import type { Random } from './random.ts';

export interface ZoneFactsRow {
  plotsTotal: number;
  plotsAllocated: number;
  plotsInProduction: number;
  water: number;
  electricity: number;
  roads: number;
  sewage: number;
}

/**
 * Plots and utility readiness consistent with the zone's size and progress: plots follow the
 * area (industrial plots ~0.3–1.2 ha, craft workshops ~150–400 m²), readiness follows the works'
 * physical progress, and production needs both allocated plots and ready utilities.
 */
export function zoneFacts(random: Random, draft: ProjectDraft, physicalProgress: number): ZoneFactsRow {
  const zone = draft.zone!;
  const usable = zone.areaHa * random.between(0.55, 0.75); // the rest is roads and services
  const plotHa = draft.kind === 'industrial_zone' ? random.between(0.3, 1.2) : random.between(0.015, 0.04);
  const plotsTotal = Math.max(4, Math.round(usable / plotHa));
  // A rehabilitated zone already had utilities; a new one gets them as the works progress.
  const base = zone.development === 'rehabilitation' ? 40 + 0.6 * physicalProgress : physicalProgress;
  const readiness = () => Math.round(Math.min(100, Math.max(0, base + random.between(-20, 15))));
  const [water, electricity, roads, sewage] = [readiness(), readiness(), readiness(), readiness()];
  const plotsAllocated = Math.round(plotsTotal * Math.min(1, random.between(0.15, 0.7) + base / 300));
  const operating = ((water + electricity) / 200) * random.between(0.3, 0.9);
  const plotsInProduction = Math.min(plotsAllocated, Math.round(plotsAllocated * operating));
  return { plotsTotal, plotsAllocated, plotsInProduction, water: water!, electricity: electricity!, roads: roads!, sewage: sewage! };
}
