// Row shapes of the sync tables: records as the device holds them, outbox entries and rejections.
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { Rejection } from '../domain/sync/mutation-types';
import type { SyncRecord } from '../domain/sync/sync-record';

/**
 * A record as this device shows it. `base` is present while the row holds local changes the server has
 * not confirmed: the server's version as last pulled, or null when the server has never had the record.
 * It lets a rejected change be undone locally without asking the server. `epoch` marks the full resync
 * that last delivered the row, so the end of a resync can drop what it did not send.
 */
export type StoredRecord = SyncRecord & {
  base?: SyncRecord | null;
  /**
   * With `base`: the outbox entry that last wrote the row, as [clientId, seq], when every pending entry on
   * the row is that client's. Once that client's pushes are settled up to this seq (`settledSeqs` in
   * meta), the row holds no unconfirmed change and `base` is stale: settledView drops it. So settling a
   * push need not rewrite every row it confirmed only to delete `base`. Absent: `base` holds until a
   * settle or a pull rewrites the row (rows written before stamps existed, or by two users' entries).
   */
  stamp?: [string, number];
  epoch?: number;
  /** The search index's keys (search-index.ts writes them; nothing else reads them from a row). */
  terms?: string[];
};

/** `sent`: pushed at least once without an answer yet (the response may have been lost). */
export type OutboxStatus = 'pending' | 'sent';

export type OutboxRow = OutboxEntry & {
  status: OutboxStatus;
  /** The records the entry touches, for the outbox's index (outbox-index.ts fills it on every write). */
  touched?: string[];
};

/** A change the server refused: shown under "Needs attention" until the user fixes or discards it. */
export interface RejectionRow {
  clientId: string;
  seq: number;
  userId: string;
  entry: OutboxEntry;
  reason: Pick<Rejection, 'code' | 'message'> & { field?: string };
  /** Device time the refusal arrived. */
  rejectedAt: string;
}

/** Per client id, the highest seq whose push answer this device has settled (see StoredRecord.stamp). */
export type SettledSeqs = Record<string, number>;

/** Whether the row's stamp says the changes behind its `base` are all confirmed by the server. */
export function isSettled(row: StoredRecord, settled: SettledSeqs): boolean {
  const stamp = row.stamp;
  return !!stamp && 'base' in row && (settled[stamp[0]] ?? 0) >= stamp[1];
}

/**
 * The row as it stands once settled pushes are taken into account: without `base` and `stamp` when its
 * changes are all confirmed. Everything that reasons about local changes reads rows through this.
 */
export function settledView(row: StoredRecord, settled: SettledSeqs): StoredRecord {
  if (!isSettled(row, settled)) return row;
  const { base: _base, stamp: _stamp, ...rest } = row;
  return rest;
}

/**
 * The stamp for a row whose unconfirmed changes come from these entries: the last one, if they are all
 * one client's; otherwise none (the row then keeps `base` until a settle or pull rewrites it).
 */
export function stampOf(
  entries: readonly Pick<OutboxEntry, 'clientId' | 'seq'>[],
): [string, number] | undefined {
  const first = entries[0];
  if (!first) return undefined;
  let seq = first.seq;
  for (const entry of entries) {
    if (entry.clientId !== first.clientId) return undefined;
    if (entry.seq > seq) seq = entry.seq;
  }
  return [first.clientId, seq];
}

/** The server's version of a stored row (null: the server does not have it yet). */
export function serverVersion(row: StoredRecord): SyncRecord | null {
  if ('base' in row) return row.base ?? null;
  return stripLocal(row);
}

/** The record without the device's bookkeeping, as the domain and export files see it. */
export function stripLocal(row: StoredRecord): SyncRecord {
  const { base: _base, stamp: _stamp, epoch: _epoch, terms: _terms, ...record } = row;
  return record;
}

export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  const { status: _status, touched: _touched, ...entry } = row;
  return entry as OutboxEntry;
}
