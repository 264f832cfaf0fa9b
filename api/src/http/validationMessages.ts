import { z } from '@hono/zod-openapi';

/**
 * zod says a missing field is "Invalid input: expected string, received undefined", which an
 * engineer reading an import's row errors should not have to decode: every field that is absent
 * is "required", whatever its type. Messages a schema sets itself still win.
 */
z.config({
  customError: (issue) => (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') ? 'is required' : undefined),
});
