// Reads for lists and live counts (unsent, needs attention, open conflicts), and the small sync facts
// kept in `meta`. Lists leave out the device's bookkeeping except `pending` (a local change not yet sent).
import { conflictFieldsOf, CONFLICT_KIND } from '../domain/sync/conflict-record';
import type { SyncRecord } from '../domain/sync/sync-record';
import { countPendingAttachments } from './attachments';
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta } from './meta';
import type { RejectionRow, StoredRecord } from './sync-rows';
import { stripLocal } from './sync-rows';

/** A record for display, marked when it holds a change this device has not yet sent or had confirmed. */
export type RecordView = SyncRecord & { pending: boolean };

/** A stored row as screens see it: without the device's bookkeeping, flagged while it holds unsent changes. */
export const toRecordView = (row: StoredRecord): RecordView => ({
  ...stripLocal(row),
  pending: 'base' in row,
});
const view = toRecordView;

/** Live records of a kind (deleted ones left out), newest change first. */
export async function listRecords(db: HoldfastDatabase, kind: string): Promise<RecordView[]> {
  const rows = await db.records
    .where('[kind+updatedAt]')
    .between([kind, ''], [kind, '\uffff'])
    .reverse()
    .toArray();
  return rows.filter((row) => !row.deleted).map(view);
}

export async function getRecord(db: HoldfastDatabase, id: string): Promise<RecordView | null> {
  const row = await db.records.get(id);
  return row ? view(row) : null;
}

/** Open conflicts, oldest first, as the "Conflicts" inbox lists them. */
export async function listOpenConflicts(db: HoldfastDatabase): Promise<RecordView[]> {
  const rows = await db.records.where('kind').equals(CONFLICT_KIND).toArray();
  return rows
    .filter((row) => !row.deleted && conflictFieldsOf(row)?.status === 'open')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(view);
}

export async function countOpenConflicts(db: HoldfastDatabase): Promise<number> {
  return (await listOpenConflicts(db)).length;
}

/** Changes of this user not yet confirmed by the server, photos not yet uploaded included. */
export async function countUnsent(db: HoldfastDatabase, userId: string): Promise<number> {
  return (
    (await db.outbox.where('userId').equals(userId).count()) + (await countPendingAttachments(db, userId))
  );
}

/** Every unsent change on the device, whoever made it, photos not yet uploaded included. */
export async function countAllUnsent(db: HoldfastDatabase): Promise<number> {
  return (await db.outbox.count()) + (await db.attachments.where('state').equals('pending').count());
}

export async function listRejections(db: HoldfastDatabase, userId: string): Promise<RejectionRow[]> {
  const rows = await db.rejections.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => b.rejectedAt.localeCompare(a.rejectedAt));
}

export function countRejections(db: HoldfastDatabase, userId: string): Promise<number> {
  return db.rejections.where('userId').equals(userId).count();
}

export async function getRejection(
  db: HoldfastDatabase,
  clientId: string,
  seq: number,
): Promise<RejectionRow | null> {
  return (await db.rejections.get([clientId, seq])) ?? null;
}

/** The user has fixed or given up on a refused change. */
export async function discardRejection(db: HoldfastDatabase, clientId: string, seq: number): Promise<void> {
  await db.rejections.delete([clientId, seq]);
}

export function readLastSyncAt(db: HoldfastDatabase): Promise<string | null> {
  return getMeta(db, 'lastSyncAt');
}

export function writeLastSyncAt(db: HoldfastDatabase, at: string): Promise<void> {
  return setMeta(db, 'lastSyncAt', at);
}
