// PostgreSQL adapter (pg Pool). Several server processes may share one database: state lives only in
// the database, and migrations take an advisory lock so that two processes starting together do not race.
import pg from 'pg';
import { MIGRATIONS } from './migrations/index';
import type { SqlExecutor, SqlValue } from './sql/sql-executor';
import { splitValuesGroup } from './sql/sql-executor';
import { createSqlStores } from './sql/sql-stores';
import type { Storage, StorageStores, TransactionOptions } from './storage';

/** Arbitrary constant shared by every Holdfast process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 7_245_113_901;
const INT8_OID = 20;
/** PostgreSQL's protocol counts bind parameters in 16 bits (at most 65,535); chunks stay well below. */
const MAX_PARAMS_PER_STATEMENT = 30_000;

export interface PostgresOptions {
  connectionString: string;
  /** Use this schema (created if missing) instead of the default search_path; tests isolate this way. */
  schema?: string;
  max?: number;
}

/** Shared SQL uses `?`; PostgreSQL wants $1, $2, ... */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** One multi-row INSERT per chunk: round trips, not rows, are what an insert costs over the network. */
function multiRowInserts(sql: string, rows: readonly SqlValue[][]): { text: string; values: SqlValue[] }[] {
  const { head, columns, tail } = splitValuesGroup(sql);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns));
  const statements: { text: string; values: SqlValue[] }[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: SqlValue[] = [];
    const groups: string[] = [];
    for (const row of chunk) {
      if (row.length !== columns)
        throw new Error(`executeMany: a row has ${row.length} values, not ${columns}`);
      const first = values.length;
      values.push(...row);
      groups.push(`(${row.map((_, i) => `$${first + i + 1}`).join(', ')})`);
    }
    statements.push({ text: `${head}VALUES ${groups.join(', ')}${tail}`, values });
  }
  return statements;
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    dialect: 'postgres',
    async query(sql, params: SqlValue[] = []) {
      return (await client.query(numberPlaceholders(sql), params)).rows;
    },
    async queryArrays(sql, params: SqlValue[] = []) {
      const text = numberPlaceholders(sql);
      return (await client.query<unknown[]>({ text, values: params, rowMode: 'array' })).rows;
    },
    async execute(sql, params: SqlValue[] = []) {
      return (await client.query(numberPlaceholders(sql), params)).rowCount ?? 0;
    },
    async executeMany(sql, rows) {
      const statements = multiRowInserts(sql, rows);
      const run = async (on: pg.Pool | pg.PoolClient): Promise<number> => {
        let changed = 0;
        for (const { text, values } of statements) changed += (await on.query(text, values)).rowCount ?? 0;
        return changed;
      };
      if (statements.length <= 1 || !(client instanceof pg.Pool)) return run(client);
      // On the pool, the statements would each take any connection: keep them in one transaction.
      const own = await client.connect();
      try {
        await own.query('BEGIN');
        const changed = await run(own);
        await own.query('COMMIT');
        return changed;
      } catch (error) {
        await own.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        own.release();
      }
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  readonly users: StorageStores['users'];
  readonly departments: StorageStores['departments'];
  readonly sessions: StorageStores['sessions'];
  readonly loginFailures: StorageStores['loginFailures'];
  readonly setupTokens: StorageStores['setupTokens'];
  readonly audit: StorageStores['audit'];
  readonly sync: StorageStores['sync'];
  readonly attachments: StorageStores['attachments'];

  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string | undefined,
  ) {
    const stores = createSqlStores(executor(pool));
    this.users = stores.users;
    this.departments = stores.departments;
    this.sessions = stores.sessions;
    this.loginFailures = stores.loginFailures;
    this.setupTokens = stores.setupTokens;
    this.audit = stores.audit;
    this.sync = stores.sync;
    this.attachments = stores.attachments;
  }

  static open(options: PostgresOptions): PostgresStorage {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      // Every connection of the pool starts in the chosen schema.
      ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
      // COUNT(*) and BIGSERIAL come back as int8; our values fit in a JS number.
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID
            ? Number
            : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => undefined);
    return new PostgresStorage(pool, options.schema);
  }

  async migrate(): Promise<void> {
    await this.withClient(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      if (this.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
      }
    });
  }

  async appliedMigrations(): Promise<number[]> {
    const { rows } = await this.pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    return rows.map((r) => r.version);
  }

  async transaction<T>(fn: (tx: StorageStores) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // REPEATABLE READ for readers: one snapshot for the whole pull page, however long it takes to read.
    const begin = options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN';
    return this.withClient((client) => fn(createSqlStores(executor(client))), begin);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
