// A device restored from an older copy of itself (a laptop's disk image, a browser profile put back): its
// outbox numbers new changes from where the copy stood, seqs the server already holds for the changes made
// after the copy. The server must not take them for retries and drop them: it answers `seqReused`, and the
// device sends them again under a new client id. Against a real server on SQLite, with the app's own sync
// engine over fake-indexeddb (as the convergence test).
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/protocol/api';
import type { PullResponse } from '../src/protocol/sync';
import {
  clientIdOf,
  countAllUnsent,
  openDatabase,
  writeCachedSession,
  writeMutation,
  type HoldfastDatabase,
} from '../src/storage';
import { createSyncEngine, type SyncEngine } from '../src/sync';
import { cookieFetch } from './support/cookie-fetch';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';

const PASSWORD = 'restore passphrase';

interface Device {
  db: HoldfastDatabase;
  engine: SyncEngine;
  session: SessionInfo;
  fetch: typeof fetch;
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer(BUILD_A);
  addUser(server, { username: 'lena', password: PASSWORD, role: 'clerk', departments: ['permits'] });
  addUser(server, { username: 'omar', password: PASSWORD, role: 'clerk', departments: ['permits'] });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function device(username: string, name: string): Promise<Device> {
  const client = cookieFetch(server.url);
  const session = (await client.signIn(username, PASSWORD)) as SessionInfo;
  const { db } = await openDatabase({ name, mirror: null });
  await writeCachedSession(db, session);
  const engine = createSyncEngine({
    db,
    fetch: client.fetch,
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    locks: null,
    isOnline: () => true,
  });
  return { db, engine, session, fetch: client.fetch };
}

async function note(d: Device, title: string): Promise<void> {
  const user = d.session.user;
  const written = await writeMutation(
    d.db,
    'record.create',
    { kind: 'note', id: uuidv7(), dept: 'permits', fields: { title } },
    { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
  );
  expect(written.ok).toBe(true);
}

type Backup = Map<string, unknown[]>;

/** Every table's rows: what a copy of the device's storage holds. */
async function backUp(db: HoldfastDatabase): Promise<Backup> {
  return new Map(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** Puts the copy back in place of everything the device holds now. */
async function restore(db: HoldfastDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkAdd(backup.get(table.name) ?? []);
    }
  });
}

/** A device that synced A1-A2, was copied, synced A3-A4, then was put back to the copy and wrote B1-B2. */
async function restoredDevice(username: string, label: string) {
  // Its own database and note titles, so a retry of the test starts clean on the same server.
  const name = `${label}-${uuidv7().slice(-8)}`;
  const d = await device(username, name);
  await note(d, `${name} A1`);
  await note(d, `${name} A2`);
  await d.engine.syncNow();
  const copy = await backUp(d.db);
  await note(d, `${name} A3`);
  await note(d, `${name} A4`);
  await d.engine.syncNow();
  expect(await countAllUnsent(d.db)).toBe(0);
  const before = await clientIdOf(d.db, d.session.user.id);

  await restore(d.db, copy);
  await note(d, `${name} B1`);
  await note(d, `${name} B2`);
  // Seqs 3 and 4 again: the server holds A3 and A4 under them.
  expect((await d.db.outbox.toArray()).map((e) => [e.clientId, e.seq])).toEqual([
    [before, 3],
    [before, 4],
  ]);
  return { d, before, name };
}

/** The titles of the server's notes that start with `prefix`, pulled from scratch as this user. */
async function titles(d: Device, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '';
  for (;;) {
    const response = await d.fetch(`/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as PullResponse;
    for (const r of page.records) {
      const title = String(r.fields.title);
      if (r.kind === 'note' && !r.deleted && title.startsWith(prefix)) found.push(title);
    }
    cursor = page.cursor;
    if (!page.hasMore) return found.sort();
  }
}

describe('a device restored from an older copy', () => {
  it('sends the changes it made after the restore, renumbered, and loses nothing', async () => {
    const { d, before, name } = await restoredDevice('lena', 'laptop');
    await d.engine.syncNow();

    expect(await titles(d, name)).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'B2'].map((t) => `${name} ${t}`));
    expect(await countAllUnsent(d.db)).toBe(0);
    expect(await d.db.rejections.count()).toBe(0);
    // The pull brought back what the copy lacked; the device now writes under its new client id.
    const local = (await d.db.records.toArray()).filter((r) => r.kind === 'note').map((r) => r.fields.title);
    expect(local.sort()).toEqual(await titles(d, name));
    const after = await clientIdOf(d.db, d.session.user.id);
    expect(after).not.toBe(before);
    await note(d, `${name} C1`);
    expect((await d.db.outbox.toArray()).map((e) => [e.clientId, e.seq])).toEqual([[after, 3]]);
    await d.engine.syncNow();
    expect(await titles(d, `${name} C`)).toEqual([`${name} C1`]);
    d.engine.stop();
  }, 60_000);

  it('imports its own file of unsent changes: the server keeps them for the next sync, renumbered', async () => {
    const { d, before, name } = await restoredDevice('omar', 'tablet');
    const file = await d.engine.exportUnsent();
    expect(await d.engine.importFile(file.text)).toEqual({
      type: 'unsent-changes',
      applied: 0,
      duplicate: 0,
      rejected: 0,
      conflict: 0,
      notApplied: 2,
    });
    expect(await titles(d, `${name} B`)).toEqual([]);
    // Still on the device, under a new client id, and sent with the next sync.
    const outbox = await d.db.outbox.toArray();
    expect(outbox.map((e) => e.seq)).toEqual([1, 2]);
    expect(outbox.every((e) => e.clientId !== before)).toBe(true);
    await d.engine.syncNow();
    expect(await titles(d, `${name} B`)).toEqual([`${name} B1`, `${name} B2`]);
    expect(await countAllUnsent(d.db)).toBe(0);
    d.engine.stop();
  }, 60_000);
});
