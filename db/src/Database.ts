/** The one interface the rest of Marsad uses to talk SQL, whichever engine is underneath. */
export interface Queryable {
  /** Runs one statement with `$1, $2, ...` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations, bulk SQL). */
  exec(sql: string): Promise<void>;
}

export type EngineName = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: EngineName;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PostgreSQL type OIDs whose text form we parse the same way on both engines, so that
 * results do not depend on the engine: counts and money come back as numbers, dates as
 * `YYYY-MM-DD` strings (a calendar date has no time zone), timestamps as ISO strings.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8: counts; never above 2^53 here
  1700: Number, // numeric: budgets (16,2) and percentages fit a double exactly enough
  1082: (v) => v, // date
  1114: (v) => new Date(v.replace(' ', 'T') + 'Z').toISOString(), // timestamp
  1184: (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString(), // timestamptz
};
