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
import { guardQuota } from './storage-errors';
import type { OutboxRow, StoredRecord } from './sync-rows';
import { stripLocal } from './sync-rows';
import { loadTouched } from './touched-records';
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
  const chunkSize = options.chunkSize ?? 1_000;
  const run = () =>
    db.transaction('rw', [db.records, db.outbox, db.meta], async (): Promise<BatchResult> => {
      const entries = creates.map((args) => ({ name: 'record.create' as const, args }));
      const [stored, sentinel, clientsNow] = await Promise.all([
        loadTouched(db, entries),
        getMeta(db, 'sentinel'),
        getMeta(db, 'syncClients'),
      ]);
      if (!sentinel) throw new Error('The database has no sentinel; it was not opened with openDatabase.');
      const clients = clientsNow ?? {};
      const clientId = currentClientId(clients, sentinel.deviceId, ctx.userId);
      let seq = clients[ctx.userId]?.nextSeq ?? 1;
      const skipped: string[] = [];
      let written = 0;
      // The chunks are pipelined: the next chunk is built (validated, its rows made) while the one before
      // is being stored, and at most two chunks' rows are held at a time. Requests of one transaction
      // complete in the order they were made, so progress still counts up chunk by chunk.
      let storing: Promise<void> | null = null;
      for (let start = 0; start < creates.length; start += chunkSize) {
        const end = Math.min(start + chunkSize, creates.length);
        const records: StoredRecord[] = [];
        const made: { args: CreateRecordArgs; baseRevs: Record<string, number | null> }[] = [];
        for (let i = start; i < end; i++) {
          const args = creates[i]!;
          const existing = stored.get(args.id);
          if (existing && options.skipExisting) {
            skipped.push(args.id);
            continue;
          }
          const state = stateOf(existing ? [stripLocal(existing)] : []);
          const applied = applyLocal(state, 'record.create', args, ctx);
          if ('rejected' in applied) throw new BatchRefused(i, applied.rejected);
          if (applied.changes.length === 0) continue;
          for (const change of applied.changes) records.push(withBase(change.record, existing));
          made.push({ args, baseRevs: applied.baseRevs });
          written++;
        }
        // The creates go out as record.createMany entries of up to MAX_CREATES_PER_ENTRY: one outbox row
        // per hundred records instead of one each, which is most of what writing the outbox cost.
        const outbox: OutboxRow[] = [];
        for (let at = 0; at < made.length; at += MAX_CREATES_PER_ENTRY) {
          const group = made.slice(at, at + MAX_CREATES_PER_ENTRY);
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
        ]).then(() => options.onProgress?.(end, creates.length));
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
