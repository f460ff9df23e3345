// The in-page half of the benchmark: built with Vite (lib mode, IIFE) into .tmp/bench/browser and
// evaluated in a page of the built app's origin, so it runs the app's own storage and sync code on the
// real IndexedDB of headless Chromium. Nothing new is exposed by the app itself.
import { v7 as uuidv7 } from 'uuid';
import type { SessionInfo } from '../../src/protocol/api';
import {
  clientIdOf,
  countAllUnsent,
  openDatabase,
  pendingEntries,
  writeCachedSession,
  writeMutation,
  type HoldfastDatabase,
  type StoredRecord,
} from '../../src/storage';
import { createSyncEngine } from '../../src/sync';
import { applyLocal } from '../../src/domain/sync/apply-local';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { stateOf } from '../../src/domain/sync/sync-record';
import { getMeta, setMeta } from '../../src/storage/meta';
import type { OutboxRow } from '../../src/storage/sync-rows';
import { withBase } from '../../src/storage/write-mutation';
import { pushAll } from '../../src/sync/push';
import { writeCreateBatch } from '../../src/storage/write-batch';
import { createSyncHttp, type SyncHttp } from '../../src/sync/sync-http';
import { generateNotes, noteEdit, type NoteFields } from '../generate/notes';
import { pick, seededRandom } from '../generate/random';
import {
  permitImportBaseline,
  permitImportFigure,
  permitImportPrepare,
  permitImportRelease,
} from '../figures/permit-import';
import { permitListTimings, permitSearchFigure, rawFirstPage, seedPermitDevice } from '../figures/permits';

export interface WriteFiguresInput {
  session: SessionInfo;
  creates: number;
  edits: number;
  seed: number;
}

export interface WriteFiguresOutput {
  /** writeMutation('record.create'): one record + outbox entry per strict transaction. */
  writeMutationMs: number;
  /** The same rows, one raw `put` per strict transaction (no outbox). */
  putMs: number;
  /** The same rows, one raw `bulkPut` in one strict transaction. */
  bulkPutMs: number;
  /** The same creates through writeCreateBatch: records + record.createMany outbox entries, one strict transaction. */
  writeBatchMs: number;
  /** Native IndexedDB (no Dexie), writeMutation's transaction shape per row: three reads, three writes. */
  nativeShapeMs: number;
  /** Native IndexedDB (no Dexie), one put per strict transaction. */
  nativePutMs: number;
  /** Latency of each raw per-transaction `put`, ms. */
  putLatencies: number[];
  /** Latency of each writeMutation('record.update'), ms. */
  editLatencies: number[];
  rows: number;
}

export interface PushFigureInput {
  session: SessionInfo;
  count: number;
  seed: number;
}

export interface PushFigureOutput {
  queueMs: number;
  pushMs: number;
  /** Of pushMs, the time spent waiting for the push requests' answers (network + server). */
  serverMs: number;
  /** POSTing the same request bodies (protocol number changed, so the server stops after parsing). */
  rawFetchMs: number;
  sent: number;
  batches: number;
  bodyBytes: number;
}

export interface PullFigureOutput {
  pullMs: number;
  /** Of pullMs, the time spent fetching (request sent to answer fully read). */
  serverMs: number;
  /** Average time between one page's answer and the next request (applying the page), first and last ten. */
  firstPagesMs: number;
  lastPagesMs: number;
  records: number;
  state: string;
  problem: string | null;
}

const DB_PREFIX = 'holdfast-bench-';

function contextOf(session: SessionInfo) {
  const { user } = session;
  return { userId: user.id, role: user.role, departments: user.departments };
}

async function freshDatabase(tag: string): Promise<HoldfastDatabase> {
  const name = `${DB_PREFIX}${tag}-${uuidv7()}`;
  const { db } = await openDatabase({ name, mirror: null });
  return db;
}

async function dropDatabase(db: HoldfastDatabase): Promise<void> {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Deletes every database an earlier (perhaps interrupted) bench run left in this profile. */
async function cleanUp(): Promise<number> {
  const all = await indexedDB.databases();
  const names = all.map((d) => d.name ?? '').filter((name) => name.startsWith(DB_PREFIX));
  for (const name of names) {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
  return names.length;
}

async function signIn(username: string, password: string): Promise<SessionInfo> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} answered ${response.status}`);
  return (await response.json()) as SessionInfo;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

/**
 * Native IndexedDB on a fresh Holdfast database (same stores and indexes, Dexie bypassed): each stored row
 * in its own strict transaction, either put alone or in writeMutation's shape (three reads, then the row,
 * its outbox row and the seq counter). Returns the time for all of them, ms.
 */
async function nativeWrites(
  shape: 'put' | 'shape',
  rows: readonly StoredRecord[],
  queued: readonly OutboxRow[],
): Promise<number> {
  const db = await freshDatabase(`native-${shape}`);
  const idb = db.backendDB();
  const stores = shape === 'put' ? ['records'] : ['records', 'outbox', 'meta'];
  const start = performance.now();
  for (const [i, row] of rows.entries()) {
    const tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
    const done = committed(tx);
    if (shape === 'shape') {
      const meta = tx.objectStore('meta');
      await Promise.all([
        request(tx.objectStore('records').get(row.id)),
        request(meta.get('syncClients')),
        request(meta.get('settledSeqs')),
      ]);
      const entry = queued[i];
      if (entry) tx.objectStore('outbox').add(entry);
      meta.put({ key: 'syncClients', value: { bench: { clientId: entry?.clientId, nextSeq: i + 2 } } });
    }
    tx.objectStore('records').put(row);
    await done;
  }
  const ms = performance.now() - start;
  await dropDatabase(db);
  return ms;
}

async function writeFigures(input: WriteFiguresInput): Promise<WriteFiguresOutput> {
  const ctx = contextOf(input.session);
  const dept = ctx.departments[0] ?? 'public-works';
  const notes = generateNotes(input.seed, input.creates);
  const ids = notes.map(() => uuidv7());

  const db = await freshDatabase('write');
  let start = performance.now();
  for (const [i, fields] of notes.entries()) {
    const result = await writeMutation(
      db,
      'record.create',
      { kind: 'note', id: ids[i]!, dept, fields },
      { ...ctx, now: new Date().toISOString() },
    );
    if (!result.ok) throw new Error(`create refused: ${result.rejected.message}`);
  }
  const writeMutationMs = performance.now() - start;
  // The very rows writeMutation stored: the baselines write the same objects.
  const rows: StoredRecord[] = await db.records.toArray();

  const putDb = await freshDatabase('put');
  const putLatencies: number[] = [];
  start = performance.now();
  for (const row of rows) {
    const t = performance.now();
    await putDb.records.put(row);
    putLatencies.push(performance.now() - t);
  }
  const putMs = performance.now() - start;
  await dropDatabase(putDb);

  // The floor of the write path's transaction shape, without Dexie: native IndexedDB on the same schema,
  // one strict transaction per note reading what writeMutation reads (the record, the seq counter, the
  // settled seqs) and then writing the stored row, its outbox row and the counter; against one native put
  // per strict transaction. What this ratio is, IndexedDB gives whatever the code above it does.
  const queued = await db.outbox.toArray();
  const nativeShapeMs = await nativeWrites('shape', rows, queued);
  const nativePutMs = await nativeWrites('put', rows, queued);

  const bulkDb = await freshDatabase('bulk');
  start = performance.now();
  await bulkDb.records.bulkPut(rows);
  const bulkPutMs = performance.now() - start;
  await dropDatabase(bulkDb);

  // The app's batched write path (an import): the same creates, each checked by the mutator, with their
  // outbox entries and seqs, in one strict transaction.
  const batchDb = await freshDatabase('batch');
  const creates = notes.map((fields, i) => ({ kind: 'note', id: ids[i]!, dept, fields }));
  start = performance.now();
  const batch = await writeCreateBatch(batchDb, creates, { ...ctx, now: new Date().toISOString() });
  const writeBatchMs = performance.now() - start;
  if (!batch.ok || batch.written !== notes.length)
    throw new Error('writeCreateBatch did not write every note');
  if ((await batchDb.records.count()) !== rows.length) throw new Error('writeCreateBatch stored other rows');
  await dropDatabase(batchDb);

  // Single edits of the notes just written (a device with its own unsent work, as in the field).
  const random = seededRandom(input.seed + 1);
  const current = new Map<string, NoteFields>(ids.map((id, i) => [id, notes[i]!]));
  const editLatencies: number[] = [];
  for (let i = 0; i < input.edits; i += 1) {
    const id = pick(random, ids);
    const note = current.get(id)!;
    const fields = noteEdit(random);
    if (fields.status !== undefined) fields.status = note.status === 'open' ? 'closed' : 'open';
    const next = { ...note, ...fields } as NoteFields;
    const t = performance.now();
    const result = await writeMutation(
      db,
      'record.update',
      { kind: 'note', id, fields },
      { ...ctx, now: new Date().toISOString() },
    );
    editLatencies.push(performance.now() - t);
    if (!result.ok || !result.entry) throw new Error('edit did not write an outbox entry');
    current.set(id, next);
  }
  await dropDatabase(db);
  return {
    writeMutationMs,
    putMs,
    bulkPutMs,
    writeBatchMs,
    nativeShapeMs,
    nativePutMs,
    putLatencies,
    editLatencies,
    rows: rows.length,
  };
}

/**
 * Queues `notes` as 'record.create' outbox entries exactly as writeMutation stores them (the same
 * applyLocal, withBase and seq bookkeeping), but in one transaction with bulk writes: writeMutation costs
 * several IndexedDB round trips per entry, which would make setting the scene for 10,000 take minutes.
 * `checkShape` proves the rows match what writeMutation itself writes.
 */
async function queueCreates(
  db: HoldfastDatabase,
  ctx: ReturnType<typeof contextOf>,
  notes: NoteFields[],
): Promise<void> {
  const dept = ctx.departments[0] ?? 'public-works';
  const clientId = await clientIdOf(db, ctx.userId);
  const empty = stateOf([]);
  const records: StoredRecord[] = [];
  const outbox: OutboxRow[] = [];
  for (const [i, fields] of notes.entries()) {
    const now = new Date().toISOString();
    const args = { kind: 'note', id: uuidv7(), dept, fields };
    const applied = applyLocal(empty, 'record.create', args, { ...ctx, now });
    if ('rejected' in applied) throw new Error(`create refused: ${applied.rejected.message}`);
    const seq = i + 1;
    records.push(...applied.changes.map((c) => withBase(c.record, undefined, [clientId, seq])));
    const entry = {
      clientId,
      seq,
      name: 'record.create',
      args,
      baseRevs: applied.baseRevs,
      at: now,
      userId: ctx.userId,
    };
    outbox.push({ ...(entry as OutboxEntry), status: 'pending' });
  }
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    await db.records.bulkPut(records);
    await db.outbox.bulkAdd(outbox);
    await setMeta(db, 'syncClients', { [ctx.userId]: { clientId, nextSeq: notes.length + 1 } });
  });
}

/** Throws unless queueCreates stores rows of the same shape as writeMutation (ids and times aside). */
async function checkShape(ctx: ReturnType<typeof contextOf>, fields: NoteFields): Promise<void> {
  const shapes: string[] = [];
  for (const mode of ['writeMutation', 'queueCreates'] as const) {
    const db = await freshDatabase('shape');
    if (mode === 'writeMutation') {
      const dept = ctx.departments[0] ?? 'public-works';
      const args = { kind: 'note', id: uuidv7(), dept, fields };
      await writeMutation(db, 'record.create', args, { ...ctx, now: new Date().toISOString() });
    } else {
      await queueCreates(db, ctx, [fields]);
    }
    const tables = {
      records: await db.records.toArray(),
      outbox: await db.outbox.toArray(),
      syncClients: await getMeta(db, 'syncClients'),
    };
    await dropDatabase(db);
    const normal = JSON.stringify(tables)
      .replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"<id>"')
      .replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<time>"');
    shapes.push(normal);
  }
  if (shapes[0] !== shapes[1]) {
    throw new Error(`queued rows differ from writeMutation's:\n${shapes[0]}\n${shapes[1]}`);
  }
}

/**
 * fetch, with a string body handed over as a Blob. Playwright keeps the DevTools protocol's network
 * events on, and Chromium then copies every string request body out to Playwright's process: a 500 kB
 * push took about twice as long (20 bodies: 1.45-1.9 s as strings, 0.7-0.95 s as Blobs). A device has
 * no DevTools attached, and there the two upload alike (a plain headless Chromium against a bare Node
 * server, 20 × 558 kB: 448 ms as strings, 451 ms as Blobs; bench/tools/upload-probe.ts). So the push
 * figure and its raw baseline send Blobs, and measure the push rather than the copy.
 */
const blobBodies: typeof fetch = (input, init) =>
  fetch(
    input,
    typeof init?.body === 'string'
      ? { ...init, body: new Blob([init.body], { type: 'application/json' }) }
      : init,
  );

async function pushFigure(input: PushFigureInput): Promise<PushFigureOutput> {
  const ctx = contextOf(input.session);
  const notes = generateNotes(input.seed, input.count);
  await checkShape(ctx, notes[0]!);
  const db = await freshDatabase('push');
  let start = performance.now();
  await queueCreates(db, ctx, notes);
  const queueMs = performance.now() - start;
  const clientId = await clientIdOf(db, ctx.userId);

  // Baseline: the same request bodies, sent raw (as Blobs, see blobBodies). A protocol number the server
  // does not speak makes it answer 400 right after reading and parsing the body, so this is transport +
  // parse, no apply.
  const bodies: string[] = [];
  for (let from = 0; ;) {
    const entries = await pendingEntries(db, clientId, 500, from);
    const last = entries[entries.length - 1];
    if (!last) break;
    bodies.push(JSON.stringify({ protocol: 999, clientId, entries }));
    from = last.seq + 1;
  }
  start = performance.now();
  for (const body of bodies) {
    const response = await blobBodies('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 400) throw new Error(`raw push baseline answered ${response.status}`);
  }
  const rawFetchMs = performance.now() - start;

  // The engine's own HTTP layer, timed so the report can tell server time from device time.
  const http = createSyncHttp({ fetch: blobBodies, isOnline: () => true });
  let serverMs = 0;
  const timedHttp: SyncHttp = {
    ...http,
    push: async (request) => {
      const t = performance.now();
      try {
        return await http.push(request);
      } finally {
        serverMs += performance.now() - t;
      }
    },
  };
  start = performance.now();
  const outcome = await pushAll({
    db,
    http: timedHttp,
    clientId,
    userId: ctx.userId,
    now: () => new Date().toISOString(),
  });
  const pushMs = performance.now() - start;
  const left = await countAllUnsent(db);
  await dropDatabase(db);
  if (left !== 0 || outcome.sent !== input.count || outcome.rejected !== 0) {
    throw new Error(`push left ${left} unsent, sent ${outcome.sent}, rejected ${outcome.rejected}`);
  }
  return {
    queueMs,
    pushMs,
    serverMs,
    rawFetchMs,
    sent: outcome.sent,
    batches: bodies.length,
    bodyBytes: bodies.reduce((sum, b) => sum + b.length, 0),
  };
}

/**
 * An empty device's first sync through the app's sync engine (push nothing, pull every page). The fetch
 * handed to the engine reads each answer in full before returning it, so the time spent waiting for the
 * server can be told apart from the time the device spends applying pages.
 */
async function pullFigure(session: SessionInfo): Promise<PullFigureOutput> {
  const db = await freshDatabase('pull');
  await writeCachedSession(db, session);
  let serverMs = 0;
  const gaps: number[] = [];
  let lastAnswer: number | null = null;
  const timedFetch: typeof fetch = async (input, init) => {
    const t = performance.now();
    if (lastAnswer !== null) gaps.push(t - lastAnswer);
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    lastAnswer = performance.now();
    serverMs += lastAnswer - t;
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  const engine = createSyncEngine({
    db,
    fetch: timedFetch,
    locks: null,
    isOnline: () => true,
    // No retries by timer: a failure is reported, not hidden by a second attempt.
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
  });
  const start = performance.now();
  const status = await engine.syncNow();
  const pullMs = performance.now() - start;
  engine.stop();
  const records = await db.records.count();
  await dropDatabase(db);
  return {
    pullMs,
    serverMs,
    records,
    state: status.state,
    problem: status.problem?.message ?? null,
    firstPagesMs: average(gaps.slice(0, 10)),
    lastPagesMs: average(gaps.slice(-10)),
  };
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Baseline for the pull: the same page URLs fetched and read, nothing parsed or stored. */
async function rawFetch(urls: string[]): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const start = performance.now();
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`raw pull baseline answered ${response.status}`);
    bytes += (await response.arrayBuffer()).byteLength;
  }
  return { ms: performance.now() - start, bytes };
}

export const holdfastBench = {
  cleanUp,
  signIn,
  writeFigures,
  pushFigure,
  pullFigure,
  rawFetch,
  permitImportFigure,
  permitImportBaseline,
  permitImportPrepare,
  permitImportRelease,
  seedPermitDevice,
  permitSearchFigure,
  rawFirstPage,
  permitListTimings,
};
export type HoldfastBench = typeof holdfastBench;
(globalThis as unknown as { holdfastBench: HoldfastBench }).holdfastBench = holdfastBench;
