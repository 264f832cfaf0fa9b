import type { Indicator } from '@marsad/contracts';
import { useMemo } from 'react';
import type { ChoroplethScale } from '../../map/choroplethScale.ts';
import { planChoroplethScale, planNationalValues } from './planChoropleth.ts';
import { useIndicators, useMatrices, usePlanLists } from './plansApi.ts';

export interface PlanChoropleth {
  scale: ChoroplethScale | null;
  /** Each country's attainment as a whole (its matrix's national row), for the ranking's national value. */
  national: Map<string, number | null> | null;
  /** The indicators the year's plans set targets for, in catalogue order. */
  indicators: Indicator[];
  /** The indicator drawn: the one asked for, else the first with targets. */
  indicator: string | null;
  year: number;
  /** How many plans of the year the viewer may see (`null` while loading). */
  plans: number | null;
  /** Whether any matrix shows targets (a donor's do not). */
  showsTargets: boolean;
  error: Error | null;
}

/**
 * The map metric "% of plan achieved": the plans of the current year in each country shown, their
 * matrices, and the scale for the chosen indicator. Asks nothing while another metric is shown.
 */
export function usePlanChoropleth(active: boolean, countries: readonly string[], asked: string | null): PlanChoropleth {
  const year = new Date().getFullYear();
  const lists = usePlanLists(active ? countries : []);
  const catalogue = useIndicators(active);
  const plans = useMemo(
    () => lists.data.flatMap((list) => list.items).filter((p) => p.year === year).map((p) => ({ country: p.country, year: p.year })),
    [lists.data, year],
  );
  const matrices = useMatrices(plans);
  const indicators = useMemo(() => {
    const planned = new Set(matrices.data.flatMap((m) => m.columns.map((c) => c.indicator)));
    return (catalogue.data?.items ?? []).filter((i) => planned.has(i.code));
  }, [catalogue.data, matrices.data]);
  const indicator = asked !== null && indicators.some((i) => i.code === asked) ? asked : (indicators[0]?.code ?? asked);
  const ready = active && lists.done && matrices.done;
  const scale = useMemo(() => (ready ? planChoroplethScale(matrices.data, indicator ?? '') : null), [ready, matrices.data, indicator]);
  const national = useMemo(() => (ready ? planNationalValues(matrices.data, indicator ?? '') : null), [ready, matrices.data, indicator]);
  return {
    scale,
    national,
    indicators,
    indicator,
    year,
    plans: active && lists.done ? plans.length : null,
    showsTargets: matrices.data.some((m) => m.shows_targets),
    error: lists.error ?? matrices.error ?? catalogue.error,
  };
}
