import { z } from '@hono/zod-openapi';

/** A numeric id in the path (`/{id}`, `/{updateId}`…): a positive whole number, said so when it is not. */
export const pathId = (name: string) =>
  z.coerce
    .number()
    .int('must be a whole number')
    .positive('must be positive')
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name, in: 'path' }, example: 1 });

/** `/{id}` of a project, an account… */
export const IdParams = z.object({ id: pathId('id') });
