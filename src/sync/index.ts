// The sync layer's public surface for the UI.
export { createSyncEngine } from './sync-engine';
export type { SyncEngine, SyncEngineOptions, Timers } from './sync-engine';
export type { SyncProblem, SyncProblemCode, SyncState, SyncStatus } from './sync-status';
export { INITIAL_STATUS } from './sync-status';
export { ExportFileError, ImportRefusedError } from './file-transport';
export type { ExportedFile, ImportResult } from './file-transport';
export { attachSyncTriggers, isSyncRequestedMessage } from './sync-triggers';
export { requestBackgroundSync } from './background-sync';
export { browserLocks } from './sync-lock';
export type { LockManagerLike } from './sync-lock';
export { backoffDelay, BACKOFF_BASE_MS, BACKOFF_MAX_MS } from './backoff';
export { SyncFailure } from './sync-failure';
export type { SyncFailureKind } from './sync-failure';
