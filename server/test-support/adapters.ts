// Which storage adapters the server tests run against: SQLite always, PostgreSQL when reachable.
// On CI a missing PostgreSQL is a failure; on a laptop it is a loud warning and SQLite-only tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresStorage } from '../storage/postgres-storage';
import { SqliteStorage } from '../storage/sqlite-storage';
import type { Storage, StorageKind } from '../storage/storage';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface OpenOptions {
  migrate?: boolean;
}

export interface TestAdapter {
  name: StorageKind;
  /** A fresh, empty storage (its own temp dir or schema), migrated unless told otherwise. */
  open(options?: OpenOptions): Promise<Storage>;
  /** Opens the same database again (to test re-opening); only valid after open(). */
  reopen(options?: OpenOptions): Promise<Storage>;
  /** Closes what this adapter opened and deletes the temp dir or drops the schema. */
  cleanup(): Promise<void>;
}

function sqliteAdapter(): TestAdapter {
  let dir: string | null = null;
  const dirs: string[] = [];
  const opened: Storage[] = [];
  const openAt = async (file: string, options: OpenOptions = {}) => {
    const storage = SqliteStorage.open(file);
    opened.push(storage);
    if (options.migrate !== false) await storage.migrate();
    return storage;
  };
  return {
    name: 'sqlite',
    async open(options) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-test-'));
      dirs.push(dir);
      return openAt(path.join(dir, 'holdfast.db'), options);
    },
    async reopen(options) {
      if (!dir) throw new Error('open() first');
      return openAt(path.join(dir, 'holdfast.db'), options);
    },
    async cleanup() {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined);
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
      dir = null;
    },
  };
}

function postgresAdapter(): TestAdapter {
  let schema: string | null = null;
  const schemas: string[] = [];
  const opened: Storage[] = [];
  const openIn = async (name: string, options: OpenOptions = {}) => {
    const storage = PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema: name, max: 4 });
    opened.push(storage);
    if (options.migrate !== false) await storage.migrate();
    return storage;
  };
  return {
    name: 'postgres',
    async open(options) {
      schema = `hf_test_${crypto.randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return openIn(schema, options);
    },
    async reopen(options) {
      if (!schema) throw new Error('open() first');
      return openIn(schema, options);
    },
    async cleanup() {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined);
      for (const name of schemas.splice(0)) await dropSchema(name);
      schema = null;
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

let postgresReachable: Promise<boolean> | null = null;

async function checkPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const where = TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//');
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL not reachable at ${where} (${reason}); CI requires it. Set TEST_DATABASE_URL.`,
      );
    }
    console.warn(
      [
        '',
        '*'.repeat(100),
        `PostgreSQL not reachable at ${where} (${reason}): skipping PostgreSQL server tests.`,
        'Install: apt-get install -y postgresql && service postgresql start',
        '  then: su postgres -c "createuser -s $(whoami)" && createdb test  (or set TEST_DATABASE_URL)',
        '*'.repeat(100),
        '',
      ].join('\n'),
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Adapter factories for describe.each; each call of a factory gives an independent adapter. */
export async function testAdapters(): Promise<{ name: StorageKind; create: () => TestAdapter }[]> {
  postgresReachable ??= checkPostgres();
  const list: { name: StorageKind; create: () => TestAdapter }[] = [
    { name: 'sqlite', create: sqliteAdapter },
  ];
  if (await postgresReachable) list.push({ name: 'postgres', create: postgresAdapter });
  return list;
}
