export type FieldValue = string | number | boolean | null | readonly string[];

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  // A list of choices (governorates) is a set: ticking one and unticking it again changes nothing.
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Whether a form's draft holds input that differs from what it started with: closing would throw it away. */
export function draftChanged<D extends Record<keyof D, FieldValue>>(start: D, draft: D): boolean {
  return (Object.keys(start) as (keyof D)[]).some((field) => !sameValue(start[field], draft[field]));
}
