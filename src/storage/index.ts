// The storage layer's public surface: the UI and sync import from here, never from dexie.
export { DATABASE_NAME, HoldfastDatabase, SCHEMA_VERSION } from './database';
export type { CachedSession, Sentinel } from './meta';
export { openDatabase, DEVICE_ID_MIRROR_KEY } from './open-database';
export type { KeyValueMirror, OpenDatabaseOptions, OpenedDatabase } from './open-database';
export { StorageOpenError, isQuotaError } from './storage-errors';
export type { StorageProblemKind } from './storage-errors';
export { readCachedSession, writeCachedSession, clearCachedSession } from './session-cache';
export { readSentinel } from './device-info';
export { observe } from './observe';
export type { LiveObservable, Subscription } from './observe';
export { persistenceState, requestPersistence, storageEstimate } from './storage-health';
export type { PersistenceState, StorageEstimateInfo } from './storage-health';
