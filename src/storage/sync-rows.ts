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

/** The server's version of a stored row (null: the server does not have it yet). */
export function serverVersion(row: StoredRecord): SyncRecord | null {
  if ('base' in row) return row.base ?? null;
  return stripLocal(row);
}

/** The record without the device's bookkeeping, as the domain and export files see it. */
export function stripLocal(row: StoredRecord): SyncRecord {
  const { base: _base, epoch: _epoch, terms: _terms, ...record } = row;
  return record;
}

export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  const { status: _status, touched: _touched, ...entry } = row;
  return entry as OutboxEntry;
}
