import { isOneOf } from '../data/vocabulary.ts';

/**
 * The map screen's ranking of governorates in the address: `?compare=-value` (open, the highest
 * value of the map's metric first), `value` (lowest first), `name` or `-name` (by name, A→Z or
 * Z→A); absent, the ranking is closed. Written only while the map is shown.
 */
export const COMPARE_SORTS = ['-value', 'value', 'name', '-name'] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];

export interface CompareViewState {
  /** How the open ranking is sorted; `null` when it is closed. */
  sort: CompareSort | null;
}

/** How the ranking opens: highest value first. */
export const DEFAULT_COMPARE_SORT: CompareSort = '-value';
export const EMPTY_COMPARE_VIEW: CompareViewState = { sort: null };

const PARAM = 'compare';

export function parseCompareView(params: URLSearchParams): CompareViewState {
  const sort = params.get(PARAM);
  return { sort: isOneOf(COMPARE_SORTS, sort) ? sort : null };
}

export function serializeCompareView(screen: string, state: CompareViewState, params: URLSearchParams): void {
  if (screen === 'map' && state.sort !== null) params.set(PARAM, state.sort);
}
