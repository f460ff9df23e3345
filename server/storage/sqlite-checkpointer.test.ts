// Background checkpoints: once the WAL has grown, a worker thread copies committed pages into the database
// file (the server's own connection no longer does it inside a commit); closing stops the worker first; a
// worker that cannot run hands checkpointing back to the server's connection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_AUTOCHECKPOINT, DEFAULT_AUTOCHECKPOINT, SqliteCheckpointer } from './sqlite-checkpointer';
import { SqliteStorage } from './sqlite-storage';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-checkpoint-'));
  dirs.push(dir);
  return path.join(dir, 'holdfast.db');
}

/** A database in WAL mode with the server's settings and a table to write ~1 MB into. */
function openDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

function writeMegabyte(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 256; i += 1) insert.run('x'.repeat(4000));
  })();
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('SqliteCheckpointer', () => {
  it('starts once the WAL is big enough, then checkpoints in the worker, not in commits', async () => {
    const file = tempFile();
    const db = openDb(file);
    const checkpointer = new SqliteCheckpointer(db, file, { startAfterWalBytes: 512 * 1024, delayMs: 5 });
    checkpointer.wrote();
    expect(checkpointer.running).toBe(false);
    writeMegabyte(db);
    checkpointer.wrote();
    expect(checkpointer.running).toBe(true);
    expect(autocheckpoint(db)).toBe(BACKSTOP_AUTOCHECKPOINT);
    // The database file only receives pages through checkpoints: 256 pages of 4 KB must arrive there.
    const before = fs.statSync(file).size;
    writeMegabyte(db);
    checkpointer.wrote();
    await waitFor(() => fs.statSync(file).size >= before + 2 * 1024 * 1024);
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
    db.close();
  });

  it('gives checkpoints back to the server connection when the worker cannot run', async () => {
    const file = tempFile();
    const db = openDb(file);
    const checkpointer = new SqliteCheckpointer(db, file, {
      startAfterWalBytes: 0,
      driver: path.join(os.tmpdir(), 'no-such-driver.cjs'),
    });
    writeMegabyte(db);
    checkpointer.wrote();
    await waitFor(() => !checkpointer.running);
    expect(autocheckpoint(db)).toBe(DEFAULT_AUTOCHECKPOINT);
    // It does not try again on every write.
    checkpointer.wrote();
    expect(checkpointer.running).toBe(false);
    await checkpointer.close();
    db.close();
  });
});

describe('SqliteStorage with background checkpoints', () => {
  it('writes through the worker and closes cleanly, leaving no WAL behind', async () => {
    const file = tempFile();
    const storage = SqliteStorage.open(file, { startAfterWalBytes: 0, delayMs: 5 });
    await storage.migrate();
    const now = new Date('2030-01-01T00:00:00.000Z');
    await storage.transaction(async (tx) => {
      await tx.departments.create({ code: 'roads', name: 'Roads' }, now);
    });
    expect(storage.checkpointingInBackground).toBe(true);
    await storage.audit.appendMany(
      Array.from({ length: 200 }, (_, i) => ({ at: now, userId: null, action: 'test', detail: { i } })),
    );
    await storage.close();
    // The last connection to close checkpoints everything and removes the -wal file.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = SqliteStorage.open(file);
    expect((await again.departments.list()).map((d) => d.code)).toEqual(['roads']);
    expect(await again.audit.list({ limit: 1000 })).toHaveLength(200);
    await again.close();
  });

  it('syncs every commit to disk (an acknowledged push survives a power cut)', async () => {
    const storage = SqliteStorage.open(tempFile());
    expect(storage.synchronousMode()).toBe('FULL');
    await storage.close();
  });
});
