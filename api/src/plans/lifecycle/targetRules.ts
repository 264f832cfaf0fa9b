import type { Queryable } from '@marsad/db';
import type { TargetLine } from './queries.ts';

/**
 * What makes a target line right, for every way lines arrive (PUT …/draft/targets and the XLSX
 * upload): a governorate of the plan's country, a known indicator, a sector only for a computed
 * indicator, quarters that are cumulative for a flow, a percentage of at most 100, no line twice.
 */

export interface LineInput {
  governorate: string;
  indicator: string;
  sector: string | null;
  quarters: readonly [number, number, number, number];
}

/** Where a line is wrong: a field, or one quarter (0–3) of it. */
export interface LineError {
  line: number;
  field: 'governorate' | 'indicator' | 'sector' | 'quarters';
  quarter?: number;
  message: string;
}

interface AreaFacts {
  id: number;
  country: string;
}

export interface IndicatorFacts {
  code: string;
  source: 'computed' | 'reported';
  temporal: 'flow' | 'stock';
  rate_per: number | null;
}

export interface TargetContext {
  country: string;
  areas: Map<string, AreaFacts>;
  indicators: Map<string, IndicatorFacts>;
}

/** What checking lines needs to know: the governorates named (first-level units only) and the catalogue. */
export async function loadTargetContext(db: Queryable, country: string, governorates: Iterable<string>): Promise<TargetContext> {
  const codes = [...new Set(governorates)];
  const [areas, indicators] = await Promise.all([
    db.query<AreaFacts & { code: string }>('select code, id, country_iso3 as country from admin_areas where level = 1 and code = any($1::text[])', [codes]),
    db.query<IndicatorFacts>('select code, source, temporal, rate_per from indicators'),
  ]);
  return { country, areas: new Map(areas.map((a) => [a.code, a])), indicators: new Map(indicators.map((i) => [i.code, i])) };
}

const lineKey = (l: LineInput) => `${l.governorate}|${l.indicator}|${l.sector ?? ''}`;

/**
 * Every error of every line (none: `lines` are ready to store), numbered as given (0-based);
 * `nameOf` says how a message refers to another line (`targets.3`, `row 7`).
 */
export function checkTargetLines(
  inputs: readonly LineInput[],
  context: TargetContext,
  nameOf: (line: number) => string = (line) => `targets.${line}`,
): { errors: LineError[]; lines: TargetLine[] } {
  const errors: LineError[] = [];
  const lines: TargetLine[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, line) => {
    const before = errors.length;
    const fail = (field: LineError['field'], message: string, quarter?: number) =>
      errors.push({ line, field, message, ...(quarter === undefined ? {} : { quarter }) });

    const area = context.areas.get(input.governorate);
    if (!area) fail('governorate', `unknown governorate ${input.governorate}: use an ISO 3166-2 code of ${context.country} such as those in the template`);
    else if (area.country !== context.country) fail('governorate', `${input.governorate} is a governorate of ${area.country}, not of ${context.country} (this plan's country)`);

    const indicator = context.indicators.get(input.indicator);
    if (!indicator) fail('indicator', `unknown indicator ${input.indicator}: GET /api/indicators lists the catalogue`);
    else if (input.sector !== null && indicator.source === 'reported') {
      fail('sector', `${input.indicator} is reported by the governorates as one value: leave the sector empty`);
    }

    input.quarters.forEach((value, q) => {
      // A value that is not a number was refused where it was read (the schema, the workbook reader).
      if (!Number.isFinite(value)) return;
      if (value < 0) fail('quarters', `Q${q + 1} must be 0 or more (it is ${value})`, q);
      else if (indicator?.rate_per === 100 && value > 100) fail('quarters', `Q${q + 1} is a percentage: at most 100 (it is ${value})`, q);
      else if (indicator?.temporal === 'flow' && q > 0 && value < input.quarters[q - 1]!) {
        fail('quarters', `Q${q + 1} (${value}) is below Q${q} (${input.quarters[q - 1]}): targets are cumulative, so they never decrease over the year`, q);
      }
    });

    const key = lineKey(input);
    const first = seen.get(key);
    if (first !== undefined) {
      fail('governorate', `the same governorate, indicator and sector as ${nameOf(first)}: give each one line`);
    } else {
      seen.set(key, line);
    }
    if (errors.length === before && area && indicator) {
      lines.push({ adminAreaId: area.id, indicator: input.indicator, sector: input.sector, quarters: input.quarters });
    }
  });
  return { errors, lines };
}
