/**
 * Collects query parameters while SQL text is assembled: `params.add(value)` returns the
 * `$n` placeholder to write in its place, so values never enter the SQL text.
 */
export class SqlParams {
  readonly values: unknown[];

  constructor(initial: readonly unknown[] = []) {
    this.values = [...initial];
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
