// Many creates (an import) in ONE strict transaction: every record, with record.createMany outbox entries of
// up to a hundred creates each and the next seqs, or nothing at all. Each create runs through the same
// domain mutator and row shape as writeMutation, one after the other; the server applies each entry all
// together or refuses it all together (src/domain/sync/create-many.ts).
import { applyLocal } from '../domain/sync/apply-local';
import type { CreateRecordArgs, MutationContext, Rejection } from '../domain/sync/mutation-types';
import { MAX_CREATES_PER_ENTRY } from '../domain/sync/mutation-types';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { stateOf } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta } from './meta';
import { idFilter, type IdFilter } from './id-filter';
import { guardQuota } from './storage-errors';
import type { OutboxRow, StoredRecord } from './sync-rows';
import { settledView, stripLocal, type SettledSeqs } from './sync-rows';
import { currentClientId, withBase } from './write-mutation';

export type BatchResult =
  | {
      ok: true;
      /** Records created (each with one outbox entry). */
      written: number;
      /** Ids left alone because a record with that id is already on the device (skipExisting). */
      skipped: string[];
    }
  | { ok: false; index: number; rejected: Rejection };

export interface BatchOptions {
  /** Leave creates whose id is already stored (even deleted) untouched instead of refusing the batch. */
  skipExisting?: boolean;
  /** Called after each chunk is written, with the creates done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Creates per write round (default 1,000): bounds each request, not the transaction. */
  chunkSize?: number;
}

/** Thrown inside the transaction so IndexedDB rolls back every chunk already written. */
class BatchRefused extends Error {
  constructor(
    readonly index: number,
    readonly rejected: Rejection,
  ) {
    super(rejected.message);
  }
}

/**
 * Creates made when the batch asks for them, a chunk at a time, so a large import never holds all of its
 * records at once. `slice` runs inside the transaction and must not await anything: IndexedDB commits a
 * transaction as soon as no request of it is pending.
 */
export interface CreateSource {
  readonly count: number;
  slice(from: number, to: number): readonly CreateRecordArgs[];
}

/**
 * Writes the creates in order in one read-write transaction on records, outbox and meta (the same tables
 * and strict durability as writeMutation, so it queues behind other tabs' writes and the seqs stay
 * gap-free). A refused create refuses the whole batch with its index and nothing is written; a quota
 * failure throws StorageQuotaError with nothing written.
 */
export function writeCreateBatch(
  db: HoldfastDatabase,
  creates: readonly CreateRecordArgs[],
  ctx: MutationContext,
  options: BatchOptions = {},
): Promise<BatchResult> {
  return writeCreates(
    db,
    { count: creates.length, slice: (from, to) => creates.slice(from, to) },
    ctx,
    options,
  );
}

type Made = { args: CreateRecordArgs; baseRevs: Record<string, number | null> };

/**
 * The stored rows of a chunk's ids (a create touches only its own record): one get each, all in flight
 * together, so the cost follows the chunk, not the table. loadTouched's range read does not fit here:
 * an import's ids are spread over the whole key range, so counting the range meant walking every record
 * already stored, once per chunk. Ids the filter says are certainly not stored are not read at all.
 */
async function storedRows(
  db: HoldfastDatabase,
  creates: readonly CreateRecordArgs[],
  settled: SettledSeqs,
  filter: IdFilter | null,
): Promise<Map<string, StoredRecord>> {
  const stored = new Map<string, StoredRecord>();
  const ids: string[] = [];
  for (const { id } of creates) if (!filter || filter.mayHave(id)) ids.push(id);
  if (ids.length === 0) return stored;
  for (const row of await db.records.bulkGet(ids)) if (row) stored.set(row.id, settledView(row, settled));
  return stored;
}

/** A key census is kept when the store holds at most this many records per create of the batch. */
const CENSUS_PER_CREATE = 4;
const CENSUS_PAGE = 5_000;

/**
 * The ids already stored, as a filter the batch then keeps adding its own writes to, so that most creates
 * need no read: a get per create was a tenth of a large import's time, while reading the store's keys
 * costs far less per key. Only when the store is small next to the batch (a first import, an import on a
 * device holding about as many records); otherwise null, and every create's id is read. The keys are read
 * a page at a time and dropped once added, so memory stays the filter's few bits per id, and the census
 * stops as soon as the store turns out too big for it: its cost follows the batch, never the store.
 */
async function storedIdFilter(db: HoldfastDatabase, creates: number): Promise<IdFilter | null> {
  const most = creates * CENSUS_PER_CREATE;
  const filter = idFilter(most + creates);
  let seen = 0;
  let last: string | undefined;
  for (;;) {
    // One key more than the census may hold tells that the store holds more.
    const wanted = Math.min(CENSUS_PAGE, most + 1 - seen);
    const keys = last === undefined ? db.records.orderBy(':id') : db.records.where(':id').above(last);
    const page = await keys.limit(wanted).primaryKeys();
    seen += page.length;
    if (seen > most) return null;
    for (const id of page) filter.add(id);
    if (page.length < wanted) return filter;
    last = page[page.length - 1];
  }
}

/**
 * writeCreateBatch for creates made chunk by chunk: each chunk of `chunkSize` creates is asked for, checked
 * against what is stored (and what the chunks before it wrote: each create sees the ones before it, as
 * writeMutation one after the other would) and written, while the next chunk is made. At most three
 * chunks are in hand at once (one being stored, one being built, the next one made), whatever the count.
 */
export function writeCreates(
  db: HoldfastDatabase,
  source: CreateSource,
  ctx: MutationContext,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const chunkSize = options.chunkSize ?? 1_000;
  const total = source.count;
  const run = () =>
    db.transaction('rw', [db.records, db.outbox, db.meta], async (): Promise<BatchResult> => {
      const [sentinel, clientsNow, settledNow] = await Promise.all([
        getMeta(db, 'sentinel'),
        getMeta(db, 'syncClients'),
        getMeta(db, 'settledSeqs'),
      ]);
      if (!sentinel) throw new Error('The database has no sentinel; it was not opened with openDatabase.');
      const clients = clientsNow ?? {};
      const settled = settledNow ?? {};
      const clientId = currentClientId(clients, sentinel.deviceId, ctx.userId);
      let seq = clients[ctx.userId]?.nextSeq ?? 1;
      const skipped: string[] = [];
      let written = 0;
      // Every id this batch writes is added to the filter, so a later create of the same id is read back.
      const filter = total > 0 ? await storedIdFilter(db, total) : null;
      const made = (from: number) => {
        const creates = source.slice(from, Math.min(from + chunkSize, total));
        const stored = storedRows(db, creates, settled, filter);
        // Awaited in the next round; when this round is refused instead, the transaction's abort is the error.
        stored.catch(() => undefined);
        return { creates, stored };
      };
      // The chunks are pipelined. In round k, chunk k + 1 is made and its stored rows are asked for, then
      // chunk k is checked and handed to IndexedDB, all while chunk k − 1 is being stored; the round ends
      // once chunk k − 1 is stored. Requests of one transaction run in the order they were made, so chunk
      // k + 1's read sees every chunk before k; the rows chunk k writes are laid over it from memory
      // (`previous`). Progress counts up chunk by chunk.
      let next = total > 0 ? made(0) : null;
      let previous = new Map<string, StoredRecord>();
      let storing: Promise<void> | null = null;
      for (let start = 0; start < total; start += chunkSize) {
        const end = Math.min(start + chunkSize, total);
        const { creates } = next!;
        const stored = await next!.stored;
        for (const { id } of creates) {
          const row = previous.get(id);
          if (row) stored.set(id, row);
        }
        next = end < total ? made(end) : null;
        const records: StoredRecord[] = [];
        const own: Made[] = [];
        for (let k = 0; k < creates.length; k++) {
          const args = creates[k]!;
          const existing = stored.get(args.id);
          if (existing && options.skipExisting) {
            skipped.push(args.id);
            continue;
          }
          const state = stateOf(existing ? [stripLocal(existing)] : []);
          const applied = applyLocal(state, 'record.create', args, ctx);
          if ('rejected' in applied) throw new BatchRefused(start + k, applied.rejected);
          if (applied.changes.length === 0) continue;
          // The outbox entry this create goes in (grouped by MAX_CREATES_PER_ENTRY below).
          const entrySeq = seq + Math.floor(own.length / MAX_CREATES_PER_ENTRY);
          for (const change of applied.changes) {
            const row = withBase(change.record, stored.get(change.record.id), [clientId, entrySeq]);
            records.push(row);
            stored.set(row.id, row);
            filter?.add(row.id);
          }
          own.push({ args, baseRevs: applied.baseRevs });
          written++;
        }
        previous = new Map(records.map((row) => [row.id, row]));
        // The creates go out as record.createMany entries of up to MAX_CREATES_PER_ENTRY: one outbox row
        // per hundred records instead of one each, which is most of what writing the outbox cost.
        const outbox: OutboxRow[] = [];
        for (let at = 0; at < own.length; at += MAX_CREATES_PER_ENTRY) {
          const group = own.slice(at, at + MAX_CREATES_PER_ENTRY);
          const envelope = { clientId, seq: seq++, at: ctx.now, userId: ctx.userId };
          const entry = (
            group.length === 1
              ? { ...envelope, name: 'record.create', args: group[0]!.args, baseRevs: group[0]!.baseRevs }
              : {
                  ...envelope,
                  name: 'record.createMany',
                  args: { creates: group.map((m) => m.args) },
                  baseRevs: Object.fromEntries(group.flatMap((m) => Object.entries(m.baseRevs))),
                }
          ) as OutboxEntry;
          outbox.push({ ...entry, status: 'pending' });
        }
        const chunk = Promise.all([
          records.length > 0 ? db.records.bulkPut(records) : undefined,
          outbox.length > 0 ? db.outbox.bulkAdd(outbox) : undefined,
        ]).then(() => options.onProgress?.(end, total));
        // Awaited below or after the loop; a failure aborts the transaction either way.
        chunk.catch(() => undefined);
        if (storing) await storing;
        storing = chunk;
      }
      if (storing) await storing;
      if (written > 0)
        await setMeta(db, 'syncClients', { ...clients, [ctx.userId]: { clientId, nextSeq: seq } });
      return { ok: true, written, skipped };
    });
  return guardQuota(run).catch((error: unknown) => {
    if (error instanceof BatchRefused) return { ok: false, index: error.index, rejected: error.rejected };
    throw error;
  });
}
