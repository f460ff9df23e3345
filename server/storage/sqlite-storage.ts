// SQLite adapter (better-sqlite3): one file, WAL journal, foreign keys on.
// better-sqlite3 is synchronous, so async transactions are serialised with a mutex on the one connection.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { Mutex } from './mutex';
import type { CheckpointerOptions } from './sqlite-checkpointer';
import { SqliteCheckpointer } from './sqlite-checkpointer';
import type { SqlExecutor, SqlValue } from './sql/sql-executor';
import { createSqlStores } from './sql/sql-stores';
import type { Storage, StorageStores, TransactionOptions } from './storage';

type Db = Database.Database;

function bindable(params: SqlValue[]): (string | number | Buffer | null)[] {
  return params.map((p) => (p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

// Preparing a statement costs about as much as running a small one; the set of distinct SQL texts is small
// (IN lists vary only with their length), so prepared statements are kept, within a bound.
const STATEMENT_CACHE_LIMIT = 1000;

function statementCache(
  db: Db,
  setUp: (statement: Database.Statement) => Database.Statement = (statement) => statement,
): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      statement = setUp(db.prepare(sql));
      cache.set(sql, statement);
    }
    return statement;
  };
}

function rawExecutor(db: Db): SqlExecutor {
  const prepare = statementCache(db);
  // A statement keeps its row mode, so the ones that return arrays are kept apart.
  const prepareRaw = statementCache(db, (statement) => statement.raw(true));
  return {
    dialect: 'sqlite',
    async query(sql, params = []) {
      const statement = prepare(sql);
      if (!statement.reader) {
        statement.run(...bindable(params));
        return [];
      }
      return statement.all(...bindable(params)) as never[];
    },
    async queryArrays(sql, params = []) {
      return prepareRaw(sql).all(...bindable(params)) as unknown[][];
    },
    async execute(sql, params = []) {
      return prepare(sql).run(...bindable(params)).changes;
    },
    async executeMany(sql, rows) {
      // Statements cost no round trip here: one prepared statement run per row is as fast as SQLite gets.
      const statement = prepare(sql);
      const run = (): number => {
        let changes = 0;
        for (const row of rows) changes += statement.run(...bindable(row)).changes;
        return changes;
      };
      // Outside a transaction the rows still go in together or not at all.
      return db.inTransaction ? run() : db.transaction(run)();
    },
  };
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly users: StorageStores['users'];
  readonly departments: StorageStores['departments'];
  readonly sessions: StorageStores['sessions'];
  readonly loginFailures: StorageStores['loginFailures'];
  readonly setupTokens: StorageStores['setupTokens'];
  readonly audit: StorageStores['audit'];
  readonly sync: StorageStores['sync'];
  readonly attachments: StorageStores['attachments'];
  private readonly mutex = new Mutex();
  private readonly txStores: StorageStores;

  private constructor(
    private readonly db: Db,
    private readonly checkpointer: SqliteCheckpointer,
  ) {
    const raw = rawExecutor(db);
    const wrote = <T>(result: T): T => {
      checkpointer.wrote();
      return result;
    };
    // Outside a transaction each statement waits for any open transaction to finish first.
    const locked: SqlExecutor = {
      dialect: raw.dialect,
      query: (sql, params) => this.mutex.run(() => raw.query(sql, params)),
      queryArrays: (sql, params) => this.mutex.run(() => raw.queryArrays(sql, params)),
      execute: (sql, params) => this.mutex.run(async () => wrote(await raw.execute(sql, params))),
      executeMany: (sql, rows) => this.mutex.run(async () => wrote(await raw.executeMany(sql, rows))),
    };
    const stores = createSqlStores(locked);
    this.users = stores.users;
    this.departments = stores.departments;
    this.sessions = stores.sessions;
    this.loginFailures = stores.loginFailures;
    this.setupTokens = stores.setupTokens;
    this.audit = stores.audit;
    this.sync = stores.sync;
    this.attachments = stores.attachments;
    this.txStores = createSqlStores(raw);
  }

  /**
   * Opens (creating if missing) the database file; call migrate() before use. Checkpoints run on a worker
   * thread once the WAL grows (see sqlite-checkpointer.ts); `checkpoints` tunes that.
   */
  static open(file: string, checkpoints: CheckpointerOptions = {}): SqliteStorage {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another process (the user CLI, a backup) may hold the write lock briefly: wait instead of failing.
    db.pragma('busy_timeout = 5000');
    // Synced at every commit: a device deletes what the server acknowledged, so an acknowledged push
    // must survive a power cut (WAL with NORMAL may lose the last commits then; it never corrupts).
    db.pragma('synchronous = FULL');
    return new SqliteStorage(db, new SqliteCheckpointer(db, file, checkpoints));
  }

  async migrate(): Promise<void> {
    await this.mutex.run(async () => {
      const migrate = this.db.transaction(() => {
        this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
        const applied = new Set(
          this.db
            .prepare('SELECT version FROM schema_migrations')
            .all()
            .map((r) => (r as { version: number }).version),
        );
        for (const m of MIGRATIONS) {
          if (applied.has(m.version)) continue;
          this.db.exec(m.sqlite);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(m.version, m.name, Date.now());
        }
      });
      // IMMEDIATE takes the write lock up front, so two processes cannot both decide to migrate.
      migrate.immediate();
    });
  }

  async appliedMigrations(): Promise<number[]> {
    const rows = await this.mutex.run(async () =>
      this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(),
    );
    return rows.map((r) => (r as { version: number }).version);
  }

  async transaction<T>(fn: (tx: StorageStores) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.mutex.run(async () => {
      // A reader needs no write lock: WAL gives a deferred transaction a snapshot at its first read.
      this.db.exec(options.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
      try {
        const result = await fn(this.txStores);
        this.db.exec('COMMIT');
        if (!options.readOnly) this.checkpointer.wrote();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Online backup to another file while the server runs (see docs/operations.md). */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  /** The connection's `synchronous` setting by name (SQLite answers 0–3). */
  synchronousMode(): 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' {
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    return (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[level] ?? 'OFF';
  }

  /** Whether checkpoints run on the worker thread now (for tests and diagnostics). */
  get checkpointingInBackground(): boolean {
    return this.checkpointer.running;
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      // The worker's connection closes first, so this one, the last, checkpoints and removes the WAL.
      await this.checkpointer.close();
      this.db.close();
    });
  }
}
