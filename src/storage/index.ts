// The storage layer's public surface: the UI and sync import from here, never from dexie.
export { DATABASE_NAME, HoldfastDatabase, SCHEMA_VERSION } from './database';
export type { CachedSession, Sentinel } from './meta';
export { openDatabase, DEVICE_ID_MIRROR_KEY } from './open-database';
export type { KeyValueMirror, OpenDatabaseOptions, OpenedDatabase } from './open-database';
export { StorageOpenError, StorageQuotaError, isQuotaError } from './storage-errors';
export type { StorageProblemKind } from './storage-errors';
export { readCachedSession, writeCachedSession, clearCachedSession } from './session-cache';
export { readSentinel } from './device-info';
export { observe } from './observe';
export type { LiveObservable, Subscription } from './observe';
export { persistenceState, requestPersistence, storageEstimate } from './storage-health';
export type { PersistenceState, StorageEstimateInfo } from './storage-health';
export type { OutboxRow, RejectionRow, StoredRecord } from './sync-rows';
export { clientIdFor, clientIdOf, writeMutation } from './write-mutation';
export type { WriteResult } from './write-mutation';
export { applyPulledPage, readCursor } from './apply-pulled-page';
export type { AppliedPage, ApplyPageOptions, PulledPage } from './apply-pulled-page';
export {
  dropSettledBases,
  markSent,
  pendingEntries,
  renumberOutbox,
  settlePush,
  unsentEntriesOf,
} from './outbox';
export type { PushSettlement } from './outbox';
export {
  countAllUnsent,
  countOpenConflicts,
  countRejections,
  countUnsent,
  discardRejection,
  getRecord,
  getRejection,
  listOpenConflicts,
  listRecords,
  listRejections,
  readLastSyncAt,
  writeLastSyncAt,
} from './sync-queries';
export type { RecordView } from './sync-queries';
