/** An object whose fields can be checked one by one (JSON from the API before its shape is known). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
