// The small query surface the shared SQL stores need; each adapter supplies one for its driver.
// SQL is written with `?` placeholders; adapters translate placeholders, Dates and booleans for their driver.

export type SqlValue = string | number | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  /** Runs a statement that returns rows (SELECT, or anything with RETURNING). */
  query<T extends SqlRow = SqlRow>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(sql: string, params?: SqlValue[]): Promise<number>;
}

/** Row values come back as Date (PostgreSQL) or epoch milliseconds (SQLite). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'string') return new Date(value);
  throw new TypeError(`Expected a time value, got ${typeof value}`);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function toStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
