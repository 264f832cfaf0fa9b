import type { z } from '@hono/zod-openapi';

/** A JSON body or answer of `schema`, as a route's `content`. */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** A required JSON request body of `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true as const, content: json(schema) });
