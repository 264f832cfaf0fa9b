import { MAX_GEOMETRY_POSITIONS, measureGeometry, PLOT_ACTIVITY_FIELDS, PLOT_NUMBER_FIELDS } from '@marsad/contracts';
import { invalidParameter } from '../../../http/problems.ts';
import type { SourcePlot } from './plotFile.ts';

/**
 * Reading a plot's number, activity and geometry out of a file's attributes and shapes: the checks
 * that need no database, each failure a message for the plot's row.
 */

const key = (name: string) => name.trim().toLowerCase();

/** The attribute names of the file, as written. */
function fieldNames(plots: readonly SourcePlot[]): string[] {
  const names = new Set<string>();
  for (const plot of plots) for (const name of Object.keys(plot.properties)) names.add(name);
  return [...names];
}

/** A shapefile keeps 10 characters of a field's name: `plot_numbe` is `plot_number`. */
const matches = (field: string, wanted: string) => key(field) === key(wanted) || (field.length === 10 && key(wanted).startsWith(key(field)));

const listed = (names: string[]) => (names.length ? names.slice(0, 30).join(', ') + (names.length > 30 ? ', …' : '') : '(none)');

/**
 * The attribute holding the plot numbers: `wanted` when sent (400 if no feature has it), else the
 * first usual name the file has (400 naming the file's fields when none).
 */
export function numberField(plots: readonly SourcePlot[], wanted: string | undefined): string {
  const names = fieldNames(plots);
  if (wanted !== undefined) {
    const found = names.find((n) => matches(n, wanted));
    if (!found) throw invalidParameter('number_field', `no feature has a field named ${wanted}; the file's fields are: ${listed(names)}`);
    return found;
  }
  for (const usual of PLOT_NUMBER_FIELDS) {
    const found = names.find((n) => matches(n, usual));
    if (found) return found;
  }
  throw invalidParameter(
    'number_field',
    `name the field that holds the plot numbers: none of the usual names (${PLOT_NUMBER_FIELDS.slice(0, 6).join(', ')}, رقم…) is among the file's fields: ${listed(names)}`,
  );
}

/** The attribute holding activities: `wanted` when sent (400 if absent), else a usual name if the file has one, else none. */
export function activityField(plots: readonly SourcePlot[], wanted: string | undefined): string | null {
  const names = fieldNames(plots);
  if (wanted !== undefined) {
    const found = names.find((n) => matches(n, wanted));
    if (!found) throw invalidParameter('activity_field', `no feature has a field named ${wanted}; the file's fields are: ${listed(names)}`);
    return found;
  }
  for (const usual of PLOT_ACTIVITY_FIELDS) {
    const found = names.find((n) => matches(n, usual));
    if (found) return found;
  }
  return null;
}

/** An attribute's value as text: numbers as written (12, not 12.0), blanks as null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

/** The plot number, or why there is none. */
export function plotNumberOf(plot: SourcePlot, field: string | null): { value: string } | { problem: string } {
  if (plot.number) return plot.number;
  const value = field === null ? null : textOf(plot.properties[field]);
  if (value === null) return { problem: `has no plot number (its ${field} is empty)` };
  if (value.length > 40) return { problem: `"${value.slice(0, 40)}…" is longer than 40 characters` };
  return { value };
}

/** Activities by code, English name and Arabic name, lower-cased. */
export type ActivityNames = Map<string, string>;

export function activityNames(rows: { code: string; name_en: string; name_ar: string }[]): ActivityNames {
  const names: ActivityNames = new Map();
  for (const row of rows) for (const name of [row.code, row.name_en, row.name_ar]) names.set(key(name), row.code);
  return names;
}

/** The activity code of a plot (null when blank), or why its value is not one. */
export function activityOf(plot: SourcePlot, field: string | null, names: ActivityNames): { code: string | null } | { problem: string } {
  const value = field === null ? null : textOf(plot.properties[field]);
  if (value === null) return { code: null };
  const code = names.get(key(value));
  if (code) return { code };
  const codes = [...new Set(names.values())];
  return { problem: `"${value.slice(0, 60)}" is not a known activity: use a code (${codes.slice(0, 5).join(', ')}…) or its English or Arabic name` };
}

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/** Why a plot's geometry cannot be read as a polygon, before PostGIS sees it; null when it can. */
export function geometryProblem(geometry: unknown): string | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return 'has no geometry';
  if (!POLYGONAL.has(g.type as string)) return `is a ${typeof g.type === 'string' ? g.type : 'shape of no known type'}: a plot is a Polygon or MultiPolygon (in a DXF, a closed polyline)`;
  const measured = measureGeometry(g);
  if ('over' in measured) return measured.message;
  if (measured.positions > MAX_GEOMETRY_POSITIONS) return `has too many positions`;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  if (!Array.isArray(polygons) || polygons.length === 0) return 'has no coordinates';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'has a polygon without rings';
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4) return 'has a ring of fewer than four positions (a plot needs at least three corners)';
      for (const position of ring as unknown[]) {
        if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
          return 'has a position that is not two numbers';
        }
      }
      const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (first[0] !== last[0] || first[1] !== last[1]) return 'has a ring that is not closed (its last position must equal its first)';
    }
  }
  return null;
}
