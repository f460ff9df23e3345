// SQLite adapter (better-sqlite3): one file, WAL journal, foreign keys on.
// better-sqlite3 is synchronous, so async transactions are serialised with a mutex on the one connection.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { Mutex } from './mutex';
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

function statementCache(db: Db): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

function rawExecutor(db: Db): SqlExecutor {
  const prepare = statementCache(db);
  return {
    async query(sql, params = []) {
      const statement = prepare(sql);
      if (!statement.reader) {
        statement.run(...bindable(params));
        return [];
      }
      return statement.all(...bindable(params)) as never[];
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

  private constructor(private readonly db: Db) {
    const raw = rawExecutor(db);
    // Outside a transaction each statement waits for any open transaction to finish first.
    const locked: SqlExecutor = {
      query: (sql, params) => this.mutex.run(() => raw.query(sql, params)),
      execute: (sql, params) => this.mutex.run(() => raw.execute(sql, params)),
      executeMany: (sql, rows) => this.mutex.run(() => raw.executeMany(sql, rows)),
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

  /** Opens (creating if missing) the database file; call migrate() before use. */
  static open(file: string): SqliteStorage {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another process (the user CLI, a backup) may hold the write lock briefly: wait instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return new SqliteStorage(db);
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

  async close(): Promise<void> {
    await this.mutex.run(async () => this.db.close());
  }
}
