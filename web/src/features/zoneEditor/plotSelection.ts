import type { Plot } from '@marsad/contracts';

/** What the zone's engineer may do with the plots selected in the list. */
export const PLOT_ACTIONS = ['edit', 'split', 'merge', 'delete'] as const;
export type PlotAction = (typeof PLOT_ACTIONS)[number];

/** Why an action is not offered, as an i18n key under `zoneEditor.unavailable`. */
export type Unavailable = 'selectOne' | 'selectTwo' | 'notVacant' | 'mixedStatus' | 'mixedInvestor';

/**
 * Whether `action` fits the selection, and if not, why (the same rules the API applies: split and
 * delete only a vacant plot; merge plots of one status and one holder). `null` means available.
 */
export function unavailable(action: PlotAction, selected: readonly Plot[]): Unavailable | null {
  switch (action) {
    case 'edit':
      return selected.length === 1 ? null : 'selectOne';
    case 'split':
    case 'delete':
      if (selected.length !== 1) return 'selectOne';
      return selected[0]!.status === 'vacant' ? null : 'notVacant';
    case 'merge': {
      if (selected.length < 2) return 'selectTwo';
      const [first, ...rest] = selected as [Plot, ...Plot[]];
      if (rest.some((p) => p.status !== first.status)) return 'mixedStatus';
      // Investors are known only to the ministry; without them the API is the judge.
      const holder = (p: Plot) => p.investor?.id ?? null;
      if (rest.some((p) => holder(p) !== holder(first))) return 'mixedInvestor';
      return null;
    }
  }
}

/** The number a merged plot gets unless the engineer types another: the selected numbers joined, in natural order. */
export function mergedNumber(selected: readonly Plot[]): string {
  const numbers = selected.map((p) => p.plot_number).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const joined = numbers.join('+');
  return joined.length <= 40 ? joined : numbers[0] ?? '';
}
