import type { z } from '@hono/zod-openapi';

/**
 * A schema from @marsad/contracts under its name in the OpenAPI document (components/schemas).
 * Not `.openapi('Name')`: zod copies methods onto each schema as it is made, so schemas made
 * before @hono/zod-openapi extended zod (contracts imported first, as the tests do) have no
 * `.openapi`; zod's own `.meta()` is always there, and the document generator reads its `id`.
 * Path parameters likewise use `.meta({ param: { name, in: 'path' } })`.
 */
export const named = <T extends z.ZodType>(schema: T, name: string): T => schema.meta({ id: name }) as T;
