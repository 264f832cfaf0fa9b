/** An object whose fields can be checked one by one (JSON from the API before its shape is known). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

type FieldType = 'string' | 'number' | 'boolean';

/** An object whose named fields are of the named `typeof` (a hand-written guard's first check). */
export function hasFields(value: unknown, fields: Record<string, FieldType>): value is Record<string, unknown> {
  return isRecord(value) && Object.entries(fields).every(([name, type]) => typeof value[name] === type);
}
