// The write path: a user action's record changes and its outbox entry in one durable transaction.
import { applyLocal } from '../domain/sync/apply-local';
import type { MutationArgs, MutationContext, MutationName, Rejection } from '../domain/sync/mutation-types';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { deterministicUuid } from '../domain/sync/record-id';
import type { RecordChange, SyncRecord } from '../domain/sync/sync-record';
import { stateOf } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta, type SyncClients } from './meta';
import { guardQuota } from './storage-errors';
import type { StoredRecord } from './sync-rows';
import { stripLocal } from './sync-rows';
import { loadTouched } from './touched-records';

const NO_SENTINEL = 'The database has no sentinel; it was not opened with openDatabase.';

export type WriteResult =
  { ok: true; changes: RecordChange[]; entry: OutboxEntry | null } | { ok: false; rejected: Rejection };

/**
 * Each user of a device gets their own client id, so their outbox has its own gap-free sequence:
 * entries of a user who signed out wait without blocking the next user's. Derived, not random, so two
 * tabs writing a user's first change agree on it.
 */
export function clientIdFor(deviceId: string, userId: string): string {
  return deterministicUuid('client', deviceId, userId);
}

/**
 * The client id a user's next change goes under: the one `syncClients` holds (renumberOutbox gives a user
 * a new one when the server already holds other changes under its seqs), else the derived one.
 */
export function currentClientId(
  clients: SyncClients | null | undefined,
  deviceId: string,
  userId: string,
): string {
  return clients?.[userId]?.clientId ?? clientIdFor(deviceId, userId);
}

/** The client id of a user on this device (the sentinel holds the device id). */
export async function clientIdOf(db: HoldfastDatabase, userId: string): Promise<string> {
  const [sentinel, clients] = await Promise.all([getMeta(db, 'sentinel'), getMeta(db, 'syncClients')]);
  if (!sentinel) throw new Error(NO_SENTINEL);
  return currentClientId(clients, sentinel.deviceId, userId);
}

/**
 * The row to store for a record changed by outbox entry `stamp` ([clientId, seq]): it keeps the server
 * version it started from. `previous` is the stored row as settledView shows it. The stamp is kept only
 * while every unconfirmed change on the row is that one client's (see StoredRecord.stamp).
 */
export function withBase(
  record: SyncRecord,
  previous: StoredRecord | undefined,
  stamp: [string, number],
): StoredRecord {
  const local = !!previous && 'base' in previous;
  const base = previous ? (local ? (previous.base ?? null) : stripLocal(previous)) : null;
  const row: StoredRecord = { ...record, base };
  if (!local || previous?.stamp?.[0] === stamp[0]) row.stamp = stamp;
  if (previous?.epoch !== undefined) row.epoch = previous.epoch;
  return row;
}

/**
 * Runs the mutation against the stored records and, when it changes anything, writes the records and
 * appends the outbox entry with the next seq, all in one transaction. IndexedDB runs overlapping
 * read-write transactions one at a time, so tabs writing together still get gap-free seqs. A quota
 * failure throws StorageQuotaError with nothing written. The requests go out in two rounds (the reads
 * together, then the writes together) because each round trip costs about as much as a small write.
 */
export function writeMutation<N extends MutationName>(
  db: HoldfastDatabase,
  name: N,
  args: MutationArgs[N],
  ctx: MutationContext,
): Promise<WriteResult> {
  return guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.meta], async (): Promise<WriteResult> => {
      const [rows, deviceId, clientsNow] = await Promise.all([
        loadTouched(db, [{ name, args } as Pick<OutboxEntry, 'name' | 'args'>]),
        deviceIdOf(db),
        getMeta(db, 'syncClients'),
      ]);
      const applied = applyLocal(stateOf([...rows.values()].map(stripLocal)), name, args, ctx);
      if ('rejected' in applied) return { ok: false, rejected: applied.rejected };
      // Nothing changed (same values again, a second delete): there is nothing to send.
      if (applied.changes.length === 0) return { ok: true, changes: [], entry: null };

      const clients = clientsNow ?? {};
      const clientId = currentClientId(clients, deviceId, ctx.userId);
      const seq = clients[ctx.userId]?.nextSeq ?? 1;
      const entry = {
        clientId,
        seq,
        name,
        args,
        baseRevs: applied.baseRevs,
        at: ctx.now,
        userId: ctx.userId,
      } as OutboxEntry;
      await Promise.all([
        db.records.bulkPut(
          applied.changes.map((c) => withBase(c.record, rows.get(c.record.id), [clientId, seq])),
        ),
        db.outbox.add({ ...entry, status: 'pending' }),
        setMeta(db, 'syncClients', { ...clients, [ctx.userId]: { clientId, nextSeq: seq + 1 } }),
      ]);
      return { ok: true, changes: applied.changes, entry };
    }),
  );
}

/**
 * The device id never changes while a connection is open (a wipe deletes the database, which closes
 * the connection for good), so it is read once per connection rather than in every write.
 */
const deviceIds = new WeakMap<HoldfastDatabase, string>();

async function deviceIdOf(db: HoldfastDatabase): Promise<string> {
  const known = deviceIds.get(db);
  if (known) return known;
  const sentinel = await getMeta(db, 'sentinel');
  if (!sentinel) throw new Error(NO_SENTINEL);
  deviceIds.set(db, sentinel.deviceId);
  return sentinel.deviceId;
}
