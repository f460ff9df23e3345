// Randomized convergence: several devices make thousands of changes through a proxy that drops, fails,
// delays and duplicates requests; after healing and draining, every device equals the server and every
// change was applied exactly once. Seeded and reproducible: rerun with SYNC_SEED=<printed seed>.
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../src/protocol/api';
import type { PullResponse } from '../src/protocol/sync';
import {
  countAllUnsent,
  listOpenConflicts,
  listRecords,
  openDatabase,
  writeCachedSession,
  writeMutation,
  type HoldfastDatabase,
} from '../src/storage';
import { createSyncEngine, type SyncEngine } from '../src/sync';
import { MAX_CREATES_PER_ENTRY } from '../src/domain/sync/mutation-types';
import { writeCreateBatch } from '../src/storage/write-batch';
import { postgresMissing, TEST_DATABASE_URL } from '../scripts/test-prereqs';
import { cookieFetch } from './support/cookie-fetch';
import { NO_FAULTS, startFaultProxy, type FaultRates } from './support/fault-proxy';
import { BUILD_A } from './support/paths';
import { pick, seededRandom, type Random } from './support/seeded-random';
import { addUser, startServer, type TestServer } from './support/server';
import {
  freshPostgres,
  postgresDatabase,
  sqliteDatabase,
  type ServerDatabase,
} from './support/server-database';

const SEED = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 1e9));
const DEVICES = 5;
const MUTATIONS = Number(process.env.SYNC_MUTATIONS ?? 2000);
const PASSWORD = 'convergence passphrase';
const FAULTS: FaultRates = {
  dropRequest: 0.08,
  dropResponse: 0.08,
  serverError: 0.06,
  duplicate: 0.08,
  maxDelayMs: 40,
};
const DEPARTMENTS = ['public-works', 'parks'];
const NOTE_STATUSES = ['open', 'closed'];

interface Device {
  name: string;
  db: HoldfastDatabase;
  engine: SyncEngine;
  session: SessionInfo;
  written: number;
  syncing: Promise<unknown> | null;
}

type PublicRecord = Record<string, unknown> & { id: string };

/** Everything this user may see, pulled from scratch straight from the server. */
async function serverView(fetchAs: typeof fetch): Promise<Map<string, PublicRecord>> {
  const records = new Map<string, PublicRecord>();
  let cursor = '';
  for (;;) {
    const response = await fetchAs(`/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as PullResponse;
    for (const record of page.records) records.set(record.id, record as unknown as PublicRecord);
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

async function deviceView(db: HoldfastDatabase): Promise<Map<string, PublicRecord>> {
  const records = new Map<string, PublicRecord>();
  // Every row, tombstones included; a row still holding an unconfirmed local change has a `base`.
  for (const row of await db.records.toArray()) {
    const { base, epoch: _epoch, ...record } = row;
    expect({ id: row.id, pending: base !== undefined }).toEqual({ id: row.id, pending: false });
    records.set(record.id, record as unknown as PublicRecord);
  }
  return records;
}

async function randomChange(device: Device, random: Random): Promise<void> {
  const { user } = device.session;
  const ctx = {
    userId: user.id,
    role: user.role,
    departments: user.departments,
    now: new Date().toISOString(),
  };
  const notes = (await listRecords(device.db, 'note')).filter((n) => !n.deleted);
  const roll = random();
  let result;
  if (roll < 0.03) {
    // An import: a few notes as one record.createMany entry (one seq), applied all together on the server.
    const creates = Array.from({ length: 2 + Math.floor(random() * 3) }, () => ({
      kind: 'note',
      id: uuidv7(),
      dept: pick(random, user.departments),
      fields: { title: `Imported ${Math.floor(random() * 1e6)}`, body: '', status: 'open' },
    }));
    const batch = await writeCreateBatch(device.db, creates, ctx);
    if (batch.ok) device.written += Math.ceil(batch.written / MAX_CREATES_PER_ENTRY);
    return;
  }
  if (roll < 0.2 || notes.length === 0) {
    result = await writeMutation(
      device.db,
      'record.create',
      {
        kind: 'note',
        id: uuidv7(),
        dept: pick(random, user.departments),
        fields: { title: `Note ${Math.floor(random() * 1e6)}`, body: '', status: 'open' },
      },
      ctx,
    );
  } else if (roll < 0.68) {
    const note = pick(random, notes);
    const fields: Record<string, string> = {};
    if (random() < 0.6) fields.title = `Title ${Math.floor(random() * 50)}`;
    if (random() < 0.4) fields.body = `Body ${Math.floor(random() * 50)}`;
    if (random() < 0.3 || Object.keys(fields).length === 0) fields.status = pick(random, NOTE_STATUSES);
    result = await writeMutation(device.db, 'record.update', { kind: 'note', id: note.id, fields }, ctx);
  } else if (roll < 0.71) {
    const note = pick(random, notes);
    result = await writeMutation(device.db, 'record.delete', { kind: 'note', id: note.id }, ctx);
  } else if (roll < 0.93) {
    const note = pick(random, notes);
    result = await writeMutation(
      device.db,
      'entry.append',
      {
        kind: 'note_comment',
        id: uuidv7(),
        dept: note.dept,
        fields: { noteId: note.id, text: `Comment ${roll}` },
      },
      ctx,
    );
  } else {
    const conflicts = await listOpenConflicts(device.db);
    if (conflicts.length === 0) return;
    const conflict = pick(random, conflicts);
    const value = random() < 0.5 ? conflict.fields.serverValue : conflict.fields.clientValue;
    result = await writeMutation(
      device.db,
      'conflict.resolve',
      { conflictId: conflict.id, value: value ?? null },
      ctx,
    );
  }
  if (result.ok && result.entry) device.written += 1;
}

function syncInBackground(device: Device): void {
  if (device.syncing) return;
  device.syncing = device.engine.syncNow().finally(() => {
    device.syncing = null;
  });
}

async function runScenario(label: string, server: TestServer, database: ServerDatabase): Promise<void> {
  console.log(`sync convergence seed ${SEED} (rerun with SYNC_SEED=${SEED})`);
  const random = seededRandom(SEED);
  const proxy = await startFaultProxy(server.url, SEED, FAULTS);
  const devices: Device[] = [];
  try {
    for (let i = 0; i < DEVICES; i += 1) {
      const username = `device${i}`;
      // Most users share one department; two also work in a second one the others cannot see.
      const departments = i < 2 ? DEPARTMENTS : ['public-works'];
      addUser(server, { username, password: PASSWORD, role: 'field', departments });
      const client = cookieFetch(proxy.url);
      const direct = cookieFetch(server.url);
      const session = (await direct.signIn(username, PASSWORD)) as SessionInfo;
      // The device's own cookie comes through the faulty proxy; retry until one sign-in gets through.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await client.signIn(username, PASSWORD);
          break;
        } catch (error) {
          if (attempt > 30) throw error;
        }
      }
      const { db } = await openDatabase({ name: `convergence-${label}-${SEED}-${i}`, mirror: null });
      await writeCachedSession(db, session);
      const engine = createSyncEngine({
        db,
        fetch: client.fetch,
        random,
        // Timers never fire: the test decides when each device syncs.
        timers: { setTimeout: () => 0, clearTimeout: () => undefined },
        locks: null,
        isOnline: () => true,
      });
      devices.push({ name: username, db, engine, session, written: 0, syncing: null });
    }

    const written = () => devices.reduce((sum, d) => sum + d.written, 0);
    for (let step = 0; written() < MUTATIONS; step += 1) {
      const device = pick(random, devices);
      await randomChange(device, random);
      if (random() < 0.12) syncInBackground(device);
      if (step % 100 === 99) await Promise.all(devices.map((d) => d.syncing));
    }
    await Promise.all(devices.map((d) => d.syncing));

    // Heal the network and drain every outbox.
    proxy.setRates(NO_FAULTS);
    for (let round = 0; round < 10; round += 1) {
      for (const device of devices) await device.engine.syncNow();
      const unsent = await Promise.all(devices.map((d) => countAllUnsent(d.db)));
      if (unsent.every((n) => n === 0)) break;
    }
    // One more round so every device pulls what the last pushes of the others produced.
    for (const device of devices) await device.engine.syncNow();
    console.log('fault proxy', proxy.stats);
    expect(proxy.stats.droppedResponses).toBeGreaterThan(0);
    expect(proxy.stats.duplicated).toBeGreaterThan(0);

    expect(written()).toBeGreaterThanOrEqual(MUTATIONS);
    for (const device of devices) expect(await countAllUnsent(device.db)).toBe(0);

    // Every device equals the server, as its user may see it.
    for (const device of devices) {
      const direct = cookieFetch(proxy.url);
      await direct.signIn(device.name, PASSWORD);
      const expected = await serverView(direct.fetch);
      const actual = await deviceView(device.db);
      const missing = [...expected.keys()].filter((id) => !actual.has(id)).map((id) => expected.get(id));
      const extra = [...actual.keys()].filter((id) => !expected.has(id)).map((id) => actual.get(id));
      if (extra.length > 0) {
        const ids = extra.map((r) => `'${r?.id}'`).join(',');
        console.log(
          'extra on the device; on the server:',
          await database.query(`select * from records where id in (${ids})`),
        );
      }
      expect({ device: device.name, missing, extra }).toEqual({
        device: device.name,
        missing: [],
        extra: [],
      });
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    }

    // Exactly once: the server processed each device's sequence with no gap and one result per seq.
    const clients = await database.query<{
      client_id: string;
      last_seq: number | string;
      results: number | string;
    }>(
      'select c.client_id, c.last_seq, (select count(*) from sync_results r where r.client_id = c.client_id) as results from sync_clients c',
    );
    expect(clients).toHaveLength(DEVICES);
    const lastSeqs = clients.map((c) => Number(c.last_seq)).sort((a, b) => a - b);
    expect(lastSeqs).toEqual(devices.map((d) => d.written).sort((a, b) => a - b));
    for (const client of clients) expect(Number(client.results)).toBe(Number(client.last_seq));
  } finally {
    await proxy.close();
    for (const device of devices) {
      device.engine.stop();
      await device.db.delete();
    }
  }
}

describe(`sync convergence (seed ${SEED})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('converges on SQLite', async () => {
    const server = await startServer(BUILD_A);
    cleanups.push(server.stop);
    const database = sqliteDatabase(server.dataDir);
    cleanups.push(database.close);
    await runScenario('sqlite', server, database);
  }, 600_000);

  it('converges on PostgreSQL', async (context) => {
    const missing = await postgresMissing();
    if (missing) {
      if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${missing.what}`);
      console.warn(`SKIPPED sync convergence on PostgreSQL: ${missing.what}\n  install: ${missing.install}`);
      context.skip();
    }
    const pgdb = await freshPostgres(TEST_DATABASE_URL);
    cleanups.push(pgdb.drop);
    const server = await startServer(BUILD_A, { DATABASE_URL: pgdb.url });
    cleanups.push(server.stop);
    const database = await postgresDatabase(pgdb.url);
    cleanups.push(database.close);
    await runScenario('postgres', server, database);
  }, 600_000);
});
