// Schema upgrades from real older databases: every older version is opened by this build, data kept.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './database';
import { openDatabase } from './open-database';
import { readCachedSession } from './session-cache';
import { settlePush } from './outbox';
import type { StoredRecord } from './sync-rows';
import { createNote, n, ritaCtx } from './test/test-db';
import { pendingTouching } from './touched-records';
import { clientIdFor, writeMutation } from './write-mutation';

/** The versions each test below starts from. Adding a schema version without a test here fails. */
const TESTED_UPGRADES_FROM = [1, 2];

/** A database exactly as schema version 1 shipped it (the declaration is copied, not imported). */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: '&key' });
  }
}

/** A database exactly as schema version 2 shipped it (copied, not imported). */
class VersionTwoDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: '&key' });
    this.version(2).stores({
      records: '&id, kind, dept, rev, [kind+updatedAt], [kind+dept]',
      outbox: '&[clientId+seq], clientId, userId',
      rejections: '&[clientId+seq], userId, rejectedAt',
    });
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
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'attachments',
      'meta',
      'outbox',
      'records',
      'rejections',
    ]);

    // The upgraded database takes writes at once, starting its outbox at seq 1.
    await createNote(db, 1);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
    expect(await db.records.get(n(1))).toBeTruthy();
    db.close();
  });

  it('opens a version-2 database holding pending entries, indexes them by record, and pushes on', async () => {
    const name = `holdfast-v2-${Math.random().toString(36).slice(2)}`;
    const clientId = clientIdFor('device-old', 'rita');
    const note = (i: number, title: string, base?: { title: string } | null): StoredRecord => ({
      id: n(i),
      kind: 'note',
      dept: 'public-works',
      createdAt: 'T0',
      updatedAt: 'T1',
      createdBy: 'rita',
      updatedBy: 'rita',
      deleted: false,
      fields: { title, status: 'open' },
      ...(base === undefined ? {} : { base: base && { ...note(i, base.title), rev: 4 } }),
    });
    const entry = (seq: number, name: string, args: object) => ({
      clientId,
      seq,
      name,
      args,
      baseRevs: {},
      at: '2025-03-04T09:00:00.000Z',
      userId: 'rita',
      status: 'pending',
    });
    const old = new VersionTwoDatabase(name);
    await old.table('meta').bulkPut([
      { key: 'sentinel', value: { deviceId: 'device-old', createdAt: '2025-01-01T00:00:00.000Z' } },
      { key: 'deviceId', value: 'device-old' },
      { key: 'syncClients', value: { rita: { clientId, nextSeq: 4 } } },
    ]);
    await old
      .table('records')
      .bulkPut([note(1, 'Created', null), { ...note(2, 'Edited', { title: 'Server' }) }]);
    await old.table('outbox').bulkPut([
      entry(1, 'record.create', {
        kind: 'note',
        id: n(1),
        dept: 'public-works',
        fields: { title: 'Created' },
      }),
      entry(2, 'record.update', { kind: 'note', id: n(2), fields: { title: 'Edited' } }),
      entry(3, 'conflict.resolve', { conflictId: n(9), value: 'mine' }),
    ]);
    old.close();

    const { db } = await openDatabase({ name, mirror: null });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2, 3]);
    // The new indexes hold the entries written before they existed.
    const found = await pendingTouching(db, new Set([n(2), n(9)]));
    expect(found.entries.map((e) => e.seq).sort()).toEqual([2, 3]);

    // The sequence goes on where version 2 left it, and settling finds what is still pending.
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(2), fields: { title: 'Again' } },
      ritaCtx(),
    );
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    await settlePush(db, clientId, { lastSeq: 2, rejected: [], now: 'T' });
    expect(await db.records.get(n(1))).not.toHaveProperty('base');
    expect((await db.records.get(n(2)))?.base?.fields.title).toBe('Edited');
    expect((await db.records.get(n(2)))?.fields.title).toBe('Again');
    db.close();
  });
});
