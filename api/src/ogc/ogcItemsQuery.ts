import { z } from '@hono/zod-openapi';
import { PageQuery } from '../projects/pageQuery.ts';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { CRS84 } from './conformance.ts';
import { DatetimeSyntaxError, parseDatetime } from './parseDatetime.ts';

/** `f` on every resource: the encoding, when the Accept header is not to decide. */
export const FormatQuery = z.object({
  f: z
    .enum(['json', 'html'])
    .optional()
    .openapi({ description: 'Encoding: json or html. Without it, the Accept header decides (text/html gives HTML), else JSON.' }),
});

const datetime = z
  .string()
  .transform((value, ctx) => {
    try {
      return parseDatetime(value);
    } catch (error) {
      if (!(error instanceof DatetimeSyntaxError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  })
  .optional()
  .openapi({
    example: '2025-01-01T00:00:00Z/..',
    description: 'An RFC 3339 instant or interval start/end, either end open with "..": features whose time overlaps it.',
  });

/** The parameters of every items request (Part 1, Core), before the collection's own property filters. */
export const ItemsQuery = z.object({
  bbox: ProjectFilterQuery.shape.bbox,
  'bbox-crs': z
    .literal(CRS84, `only ${CRS84} is supported`)
    .optional()
    .openapi({ description: `The CRS of bbox; only ${CRS84} (longitude, latitude).` }),
  datetime,
  limit: PageQuery.shape.limit,
  offset: PageQuery.shape.offset,
  f: z
    .enum(['json', 'geojson', 'html'])
    .optional()
    .openapi({ description: 'Encoding: json or geojson (both GeoJSON) or html. Without it, the Accept header decides.' }),
});
