import type { ProjectStatus } from '../data/vocabulary.ts';

/** An RGB colour as 0–255 components (deck.gl's form). */
export type Rgb = [number, number, number];

/**
 * Viridis in five classes (dark purple → yellow): perceptually uniform, readable by people with
 * any of the common colour-vision deficiencies and in greyscale.
 */
export const VIRIDIS_5 = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Governorates with no project under the filters. */
export const NO_DATA_COLOR = '#d9d4c8';

/**
 * Project statuses in the Okabe–Ito palette (safe for colour-blind readers). Delayed projects get
 * a vermillion outline on top of their status colour.
 */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  planned: '#56B4E9',
  tendering: '#CC79A7',
  in_progress: '#0072B2',
  suspended: '#E69F00',
  completed: '#009E73',
  cancelled: '#000000',
};
export const DELAYED_COLOR = '#D55E00';
export const UNKNOWN_STATUS_COLOR = '#999999';

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function statusColor(status: string): string {
  return Object.hasOwn(STATUS_COLORS, status) ? STATUS_COLORS[status as ProjectStatus] : UNKNOWN_STATUS_COLOR;
}

/**
 * Upper-open class breaks for `values`: `breaks[i]` is where class `i + 1` starts, so there are
 * `classes - 1` of them. Percentages use fixed breaks (comparable between filters); other metrics
 * use quantiles of the non-empty values, rounded to two significant digits and made distinct.
 */
export function classBreaks(values: readonly number[], classes: number, fixedRange?: [number, number]): number[] {
  if (fixedRange !== undefined) {
    const [min, max] = fixedRange;
    return Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes);
  }
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const at = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * i) / classes))] ?? 0;
    const rounded = roundTwoDigits(at);
    const previous = breaks[breaks.length - 1];
    if (rounded > (previous ?? Number.NEGATIVE_INFINITY) && rounded > (sorted[0] ?? 0)) breaks.push(rounded);
  }
  return breaks;
}

function roundTwoDigits(value: number): number {
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** The class colours for `breaks`: one more colour than breaks, spread over the palette. */
export function classColors(breaks: readonly number[], palette: readonly string[] = VIRIDIS_5): string[] {
  const count = breaks.length + 1;
  if (count >= palette.length) return [...palette];
  if (count === 1) return [palette[Math.floor(palette.length / 2)] ?? NO_DATA_COLOR];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))] ?? NO_DATA_COLOR);
}

/** The colour of one value, as the map draws it. */
export function colorForValue(value: number | null, breaks: readonly number[], colors: readonly string[]): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOR;
  let index = 0;
  while (index < breaks.length && value >= (breaks[index] ?? Number.POSITIVE_INFINITY)) index++;
  return colors[index] ?? NO_DATA_COLOR;
}
