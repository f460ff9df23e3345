// Read-only access to a test server's database (SQLite file or PostgreSQL), to check what sync stored.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';

export interface ServerDatabase {
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export function sqliteDatabase(dataDir: string): ServerDatabase {
  const db = new Database(join(dataDir, 'holdfast.db'), { readonly: true });
  return {
    query: async <T>(sql: string) => db.prepare(sql).all() as T[],
    close: async () => {
      db.close();
    },
  };
}

export async function postgresDatabase(url: string): Promise<ServerDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

/** Creates an empty PostgreSQL database for one test run; returns its URL and a function to drop it. */
export async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hf_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
