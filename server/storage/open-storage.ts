// Opens the storage the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import type { ServerConfig } from '../config';
import { PostgresStorage } from './postgres-storage';
import { SqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/** Opens and migrates; the caller closes it. */
export async function openStorage(
  config: Pick<ServerConfig, 'databaseUrl' | 'sqliteFile'>,
): Promise<Storage> {
  const storage = config.databaseUrl
    ? PostgresStorage.open({ connectionString: config.databaseUrl })
    : SqliteStorage.open(config.sqliteFile);
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
  return storage;
}

/** Where the data lives, for the start-up message (never prints a password from DATABASE_URL). */
export function describeStorage(config: Pick<ServerConfig, 'databaseUrl' | 'sqliteFile'>): string {
  if (!config.databaseUrl) return `SQLite at ${config.sqliteFile}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
