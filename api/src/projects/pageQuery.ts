import { z } from '@hono/zod-openapi';
import type { Config } from '../config.ts';
import { invalidParameter } from '../http/problems.ts';

/** `limit` and `offset` as query parameters; the maximum comes from config (PAGE_SIZE_MAX). */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional()
    .openapi({ example: 50, description: 'Page size (default PAGE_SIZE_DEFAULT = 50, at most PAGE_SIZE_MAX = 1000).' }),
  offset: z.coerce
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(10_000_000, 'is too large')
    .default(0)
    .openapi({ example: 0, description: 'How many items to skip.' }),
});

export function pageSize(limit: number | undefined, config: Config): number {
  if (limit === undefined) return config.PAGE_SIZE_DEFAULT;
  if (limit > config.PAGE_SIZE_MAX) {
    throw invalidParameter('limit', `must be at most ${config.PAGE_SIZE_MAX}`);
  }
  return limit;
}
