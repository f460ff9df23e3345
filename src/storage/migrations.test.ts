// Schema upgrades from real older databases: every older version is opened by this build, data kept.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './database';
import { openDatabase } from './open-database';
import { readCachedSession } from './session-cache';
import { createNote, n } from './test/test-db';

/** The versions each test below starts from. Adding a schema version without a test here fails. */
const TESTED_UPGRADES_FROM = [1];

/** A database exactly as schema version 1 shipped it (the declaration is copied, not imported). */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: '&key' });
  }
}

const profile = {
  id: 'rita',
  username: 'rita',
  displayName: 'Rita Moreno',
  role: 'clerk' as const,
  departments: ['public-works'],
  disabled: false,
};

describe('schema upgrades', () => {
  it('covers every older schema version', () => {
    expect(TESTED_UPGRADES_FROM).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('opens a version-1 database, keeps its meta rows and adds the sync tables', async () => {
    const name = `holdfast-v1-${Math.random().toString(36).slice(2)}`;
    const old = new VersionOneDatabase(name);
    await old.table('meta').bulkPut([
      { key: 'sentinel', value: { deviceId: 'device-old', createdAt: '2025-01-01T00:00:00.000Z' } },
      { key: 'deviceId', value: 'device-old' },
      {
        key: 'currentUser',
        value: { user: profile, session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 60 } },
      },
    ]);
    old.close();

    const { db, deviceId, wiped } = await openDatabase({ name, mirror: null });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(deviceId).toBe('device-old');
    expect(wiped).toBe(false);
    expect((await readCachedSession(db))?.user.username).toBe('rita');
    expect(db.tables.map((t) => t.name).sort()).toEqual(['meta', 'outbox', 'records', 'rejections']);

    // The upgraded database takes writes at once, starting its outbox at seq 1.
    await createNote(db, 1);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
    expect(await db.records.get(n(1))).toBeTruthy();
    db.close();
  });
});
