// The sync status the UI shows: one state, the unsent count, the last good sync and the problem.
import type { SyncFailureKind } from './sync-failure';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'paused-signed-out';

export type SyncProblemCode =
  | Exclude<SyncFailureKind, 'cursor_expired' | 'sequence_gap'>
  | 'signed_out' // nobody is signed in on this device
  | 'unknown';

export interface SyncProblem {
  code: SyncProblemCode;
  /** Plain English for logs and tests; the UI shows its own translation of `code`. */
  message: string;
  /** When set, the engine retries by itself at this device time (ISO). */
  retryAt?: string;
}

export interface SyncStatus {
  state: SyncState;
  /** Changes of the signed-in user not yet confirmed by the server, photos not yet uploaded included. */
  unsent: number;
  lastSyncAt: string | null;
  problem: SyncProblem | null;
}

export const INITIAL_STATUS: SyncStatus = { state: 'idle', unsent: 0, lastSyncAt: null, problem: null };

/** A tiny observable value: the engine sets it, the UI subscribes (no UI library in this layer). */
export class StatusCell {
  private listeners = new Set<(status: SyncStatus) => void>();

  constructor(private value: SyncStatus = INITIAL_STATUS) {}

  get(): SyncStatus {
    return this.value;
  }

  set(patch: Partial<SyncStatus>): void {
    this.value = { ...this.value, ...patch };
    for (const listener of [...this.listeners]) listener(this.value);
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
