// Schema upgrades from real older databases: every older version is opened by this build, data kept.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './database';
import { openDatabase } from './open-database';
import { readCachedSession } from './session-cache';
import { withTerms } from './search-index';
import { searchRecords } from './search-queries';
import { settlePush } from './outbox';
import type { StoredRecord } from './sync-rows';
import { createNote, n, ritaCtx } from './test/test-db';
import { pendingTouching } from './touched-records';
import { clientIdFor, writeMutation } from './write-mutation';

/** The versions each test below starts from. Adding a schema version without a test here fails. */
const TESTED_UPGRADES_FROM = [1, 2, 3, 4];

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

/** A database exactly as schema version 3 shipped it (copied, not imported; no upgrade functions needed). */
class VersionThreeDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: '&key' });
    this.version(2).stores({
      records: '&id, kind, dept, rev, [kind+updatedAt], [kind+dept]',
      outbox: '&[clientId+seq], clientId, userId',
      rejections: '&[clientId+seq], userId, rejectedAt',
    });
    this.version(3).stores({
      outbox: '&[clientId+seq], clientId, userId, *touched, args.conflictId',
      records: '&id, kind, dept, rev, [kind+updatedAt], [kind+dept], *terms',
      attachments: '&id, state, createdAt',
    });
  }
}

/** A database exactly as schema version 4 shipped it (copied, not imported; no upgrade functions needed). */
class VersionFourDatabase extends VersionThreeDatabase {
  constructor(name: string) {
    super(name);
    this.version(4).stores({ records: '&id, dept, [kind+updatedAt], [kind+dept], *terms' });
  }
}

/** The native index names of the records store, as IndexedDB holds them. */
function recordIndexNames(db: IDBDatabase): string[] {
  return Array.from(db.transaction('records').objectStore('records').indexNames).sort();
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
    const permit: StoredRecord = {
      ...note(3, 'unused'),
      kind: 'permit',
      rev: 7,
      fields: { number: '24-019651', address: '1268 Abbey Crt', status: 'issued' },
    };
    await old
      .table('records')
      .bulkPut([note(1, 'Created', null), { ...note(2, 'Edited', { title: 'Server' }) }, permit]);
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
    expect((await searchRecords(db, 'permit', 'abbey', { limit: 10 })).map((r) => r.id)).toEqual([n(3)]);

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
  it('opens a version-3 database holding records and pending entries, keeps every row and its search terms', async () => {
    const name = `holdfast-v3-${Math.random().toString(36).slice(2)}`;
    const clientId = clientIdFor('device-old', 'rita');
    const row = (
      i: number,
      kind: string,
      fields: StoredRecord['fields'],
      extra: Partial<StoredRecord> = {},
    ) =>
      withTerms({
        id: n(i),
        kind,
        dept: 'public-works',
        createdAt: '2025-03-01T09:00:00.000Z',
        updatedAt: `2025-03-0${i}T09:00:00.000Z`,
        createdBy: 'rita',
        updatedBy: 'rita',
        deleted: false,
        fields,
        ...extra,
      });
    // Rows as version 3 stored them: terms written by its search index middleware, pulled rows with a rev.
    const rows: StoredRecord[] = [
      row(1, 'permit', { number: '24-019651', address: '1268 Abbey Crt', status: 'issued' }, { rev: 11 }),
      row(2, 'permit', { number: '24-019652', address: '12 Main St', status: 'submitted' }, { rev: 12 }),
      row(3, 'note', { title: 'Created offline', status: 'open' }, { base: null }),
      row(
        4,
        'permit',
        { number: '24-019653', address: '4 Abbey Rd', status: 'issued' },
        { rev: 13, deleted: true },
      ),
    ];
    expect(rows[0]?.terms).toEqual(expect.arrayContaining(['permit:24-019651', 'permit:abbey crt']));
    const old = new VersionThreeDatabase(name);
    await old.table('meta').bulkPut([
      { key: 'sentinel', value: { deviceId: 'device-old', createdAt: '2025-01-01T00:00:00.000Z' } },
      { key: 'deviceId', value: 'device-old' },
      { key: 'syncClients', value: { rita: { clientId, nextSeq: 2 } } },
    ]);
    await old.table('records').bulkPut(rows);
    await old.table('outbox').put({
      clientId,
      seq: 1,
      name: 'record.create',
      args: { kind: 'note', id: n(3), dept: 'public-works', fields: { title: 'Created offline' } },
      baseRevs: { [n(3)]: null },
      at: '2025-03-04T09:00:00.000Z',
      userId: 'rita',
      status: 'pending',
      touched: [n(3)],
    });
    expect(recordIndexNames(old.backendDB())).toContain('rev');
    old.close();

    const { db } = await openDatabase({ name, mirror: null });
    expect(db.verno).toBe(SCHEMA_VERSION);
    // The two unused indexes are gone from IndexedDB; the others stay.
    expect(recordIndexNames(db.backendDB())).toEqual(['[kind+dept]', '[kind+updatedAt]', 'dept', 'terms']);
    // Every row is kept exactly, search terms included, and the terms index still finds them.
    expect(await db.records.orderBy('id').toArray()).toEqual(rows);
    expect((await searchRecords(db, 'permit', 'abbey', { limit: 10 })).map((r) => r.id)).toEqual([n(1)]);
    expect((await searchRecords(db, 'permit', '24-01965', { limit: 10 })).map((r) => r.id)).toEqual([
      n(1),
      n(2),
    ]);
    // `where('kind')` is answered from the first part of [kind+updatedAt] without a `kind` index.
    expect((await db.records.where('kind').equals('permit').toArray()).map((r) => r.id)).toEqual([
      n(1),
      n(2),
      n(4),
    ]);
    expect(await db.records.where('kind').anyOf(['note', 'conflict']).count()).toBe(1);
    expect(await pendingTouching(db, new Set([n(3)]))).toMatchObject({ entries: [{ seq: 1 }] });

    // Writes go on: the sequence continues and new rows are indexed by kind and terms.
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(3), fields: { title: 'Edited after the upgrade' } },
      ritaCtx(),
    );
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
    expect((await db.records.where('kind').equals('note').first())?.fields.title).toBe(
      'Edited after the upgrade',
    );
    db.close();
  });

  it('opens a version-4 database whose rows have no stamps: their changes settle, and are rewritten, as before', async () => {
    const name = `holdfast-v4-${Math.random().toString(36).slice(2)}`;
    const clientId = clientIdFor('device-old', 'rita');
    const created = {
      id: n(1),
      kind: 'note',
      dept: 'public-works',
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-02T09:00:00.000Z',
      createdBy: 'rita',
      updatedBy: 'rita',
      deleted: false,
      fields: { title: 'Edited offline', status: 'open' },
    };
    const server = { ...created, rev: 7, fields: { title: 'As pulled', status: 'open' } };
    const old = new VersionFourDatabase(name);
    await old.table('meta').bulkPut([
      { key: 'sentinel', value: { deviceId: 'device-old', createdAt: '2025-01-01T00:00:00.000Z' } },
      { key: 'deviceId', value: 'device-old' },
      { key: 'syncClients', value: { rita: { clientId, nextSeq: 2 } } },
    ]);
    // As version 4 stored a row with an unsent edit: its base, no stamp.
    await old.table('records').put(withTerms({ ...created, rev: 7, base: server }));
    await old.table('outbox').put({
      clientId,
      seq: 1,
      name: 'record.update',
      args: { kind: 'note', id: n(1), fields: { title: 'Edited offline' } },
      baseRevs: { [n(1)]: 7 },
      at: '2025-03-04T09:00:00.000Z',
      userId: 'rita',
      status: 'pending',
      touched: [n(1)],
    });
    old.close();

    const { db } = await openDatabase({ name, mirror: null });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.records.get(n(1))).toMatchObject({ base: { fields: { title: 'As pulled' } } });
    const settled = await settlePush(db, clientId, {
      lastSeq: 1,
      rejected: [],
      now: 'T',
      keepSettledBases: true,
    });
    // No stamp to trust: the row is rewritten at once, not left for a later pass.
    expect(settled.lingering).toEqual([]);
    const row = await db.records.get(n(1));
    expect(row).not.toHaveProperty('base');
    expect(row?.fields.title).toBe('Edited offline');
    db.close();
  });
});
