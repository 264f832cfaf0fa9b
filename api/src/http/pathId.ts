import { z } from '@hono/zod-openapi';

/**
 * A whole number as written in a URL, in its one canonical decimal form: no sign, spaces, leading
 * zeros, hex (`0x10`) or exponent (`1e1`), which `Number()` would otherwise read as another id.
 */
export const canonicalWholeNumber = (min: 0 | 1, max: number) =>
  z
    .string()
    .regex(min === 1 ? /^[1-9][0-9]*$/ : /^(0|[1-9][0-9]*)$/, `must be a whole number${min === 1 ? ' from 1' : ''} in decimal digits, such as ${min === 1 ? 42 : 0}`)
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

/** A numeric id in the path (`/{id}`, `/{updateId}`…): a positive whole number, said so when it is not. */
export const pathId = (name: string, max = Number.MAX_SAFE_INTEGER) =>
  canonicalWholeNumber(1, max).openapi({ param: { name, in: 'path' }, example: '1' });

/** `/{id}` of a project, an account… */
export const IdParams = z.object({ id: pathId('id') });
