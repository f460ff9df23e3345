// The small query surface the shared SQL stores need; each adapter supplies one for its driver.
// SQL is written with `?` placeholders; adapters translate placeholders, Dates and booleans for their driver.

/** Buffers are bound as BLOB (SQLite) or BYTEA (PostgreSQL), and come back as Buffers. */
export type SqlValue = string | number | boolean | Date | Buffer | null;
export type SqlRow = Record<string, unknown>;

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlExecutor {
  /** Which SQL the database speaks, for the few statements the dialects spell differently. */
  readonly dialect: SqlDialect;
  /** Runs a statement that returns rows (SELECT, or anything with RETURNING). */
  query<T extends SqlRow = SqlRow>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /**
   * Like query, each row as an array of its column values in select order: for wide reads of a few
   * computed columns, where making an object per row costs more than the row itself.
   */
  queryArrays(sql: string, params?: SqlValue[]): Promise<unknown[][]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(sql: string, params?: SqlValue[]): Promise<number>;
  /**
   * Runs a one-row `INSERT ... VALUES (?, ...)` once per row of params, in as few round trips as the
   * driver allows (one prepared statement on SQLite, multi-row VALUES on PostgreSQL), and returns how
   * many rows it changed. Any `?` must be inside the VALUES group. Rows are written in order.
   */
  executeMany(sql: string, rows: readonly SqlValue[][]): Promise<number>;
}

const VALUES_GROUP = /\bVALUES\s*\(\s*\?(?:\s*,\s*\?)*\s*\)/i;

/**
 * Splits a one-row INSERT into what comes before its VALUES group, the number of columns, and what comes
 * after, for adapters that expand it into several rows.
 */
export function splitValuesGroup(sql: string): { head: string; columns: number; tail: string } {
  const match = VALUES_GROUP.exec(sql);
  if (!match) throw new Error('executeMany needs an INSERT with one VALUES (?, ...) group');
  const head = sql.slice(0, match.index);
  const tail = sql.slice(match.index + match[0].length);
  if (head.includes('?') || tail.includes('?')) throw new Error('executeMany: ? outside the VALUES group');
  return { head, columns: match[0].split('?').length - 1, tail };
}

/**
 * A SQL expression giving the JSON string literal of a text expression: what JSON.stringify writes for
 * the same string (both databases escape `"`, `\\` and control characters as JSON.stringify does).
 */
export function jsonQuoteSql(dialect: SqlDialect, expression: string): string {
  return dialect === 'sqlite' ? `json_quote(${expression})` : `to_json(${expression})::text`;
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
