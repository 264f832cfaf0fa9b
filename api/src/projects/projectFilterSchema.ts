import { z } from '@hono/zod-openapi';
import { countryCode, governorateCode, organizationSlug, PROJECT_KINDS, PROJECT_STATUSES, SECTORS } from '@marsad/contracts';

/** `a,b,c` in a query string, each item checked by `item`; empty items are an error. */
const commaList = <T extends z.ZodType<string>>(item: T, example: string, description: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      const out: z.infer<T>[] = [];
      for (const part of parts) {
        const parsed = item.safeParse(part);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not allowed: ${parsed.error.issues[0]?.message}` });
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return out;
    })
    .optional()
    .openapi({ example, description: `${description} Comma-separated.` });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a real calendar date');

const bbox = z
  .string()
  .transform((value, ctx) => {
    const numbers = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
    if ([minLon, maxLon].some((lon) => lon < -180 || lon > 180) || [minLat, maxLat].some((lat) => lat < -90 || lat > 90)) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must be within -180..180 and latitudes within -90..90' });
      return z.NEVER;
    }
    if (minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'minLat must not be greater than maxLat' });
      return z.NEVER;
    }
    // minLon > maxLon is allowed: the box crosses the antimeridian.
    return { minLon, minLat, maxLon, maxLat };
  })
  .optional()
  .openapi({ example: '35.5,32.3,42.4,37.4', description: 'minLon,minLat,maxLon,maxLat in WGS 84 (CRS84).' });

/**
 * The filters every project read accepts (lists, summaries, tiles, exports), as query
 * parameters. Values the vocabulary does not know are rejected with 400, naming the parameter.
 */
export const ProjectFilterQuery = z.object({
  country: commaList(countryCode, 'SYR,LBY', 'Countries (ISO 3166-1 alpha-3).'),
  governorate: commaList(governorateCode, 'SY-DI,SY-HL', 'Governorates (ISO 3166-2).'),
  kind: commaList(z.enum(PROJECT_KINDS), 'industrial_zone', 'Kinds of project.'),
  sector: commaList(z.enum(SECTORS), 'water,health', 'Sectors.'),
  status: commaList(z.enum(PROJECT_STATUSES), 'in_progress', 'Lifecycle statuses.'),
  funder: commaList(
    organizationSlug,
    'undp',
    'Funding organizations (slugs).',
  ),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .openapi({ example: 2025, description: 'Projects active during this year (planned or actual dates).' }),
  from: isoDate.optional().openapi({ example: '2025-01-01', description: 'Projects active on or after this date.' }),
  to: isoDate.optional().openapi({ example: '2025-12-31', description: 'Projects active on or before this date.' }),
  bbox,
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .openapi({ example: 'مصراته', description: 'Text in the code, titles or descriptions, Arabic or English; spelling-tolerant.' }),
});

export type ProjectFilter = z.infer<typeof ProjectFilterQuery>;

/** Names of the filter parameters, e.g. for cache keys and links that carry the filters on. */
export const PROJECT_FILTER_KEYS = Object.keys(ProjectFilterQuery.shape) as (keyof ProjectFilter)[];
