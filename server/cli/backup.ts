// `npx tsx server/cli/backup.ts <file>`: a consistent online copy of the SQLite database while the
// server keeps running (SQLite backup API). For PostgreSQL use pg_dump instead.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { SqliteStorage } from '../storage/sqlite-storage';

async function main(): Promise<number> {
  const destination = process.argv[2];
  if (!destination) {
    console.error('Usage: npx tsx server/cli/backup.ts <backup-file.db>');
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: this server uses PostgreSQL. Back it up with pg_dump (docs/operations.md).',
    );
    return 1;
  }
  if (!fs.existsSync(config.sqliteFile)) {
    console.error(`No database at ${config.sqliteFile}. Check DATA_DIR.`);
    return 1;
  }
  const target = path.resolve(destination);
  if (fs.existsSync(target)) {
    console.error(`${target} already exists; choose a new file name.`);
    return 1;
  }
  const storage = SqliteStorage.open(config.sqliteFile);
  try {
    await storage.backup(target);
  } finally {
    await storage.close();
  }
  console.log(`Backed up ${config.sqliteFile} to ${target}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Backup failed: ${String(error)}`);
    process.exit(1);
  },
);
