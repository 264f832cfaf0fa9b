/**
 * Rows collected column by column, ready to be sent as one array parameter per column to
 * `insert ... select * from unnest($1::type[], $2::type[], ...)`: one statement per batch,
 * values always as parameters.
 */
export class ColumnBuffer {
  private columns: unknown[][];

  constructor(private readonly width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }

  push(...values: unknown[]): void {
    if (values.length !== this.width) throw new Error(`ColumnBuffer expected ${this.width} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]);
  }

  get size(): number {
    return this.columns[0]?.length ?? 0;
  }

  /** The collected columns; the buffer starts empty again. */
  take(): unknown[][] {
    const taken = this.columns;
    this.columns = Array.from({ length: this.width }, () => []);
    return taken;
  }
}
