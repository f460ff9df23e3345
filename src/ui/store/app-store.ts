// The one bound store for UI and session state (never records: those come from live queries on Dexie).
import { createStore } from 'zustand/vanilla';
import type { HoldfastDatabase, StorageProblemKind } from '../../storage';
// sync-status directly, not the sync barrel: the first screen must not pull in the engine and Dexie.
import { INITIAL_STATUS, type SyncStatus } from '../../sync/sync-status';
import type { Language } from '../i18n/translate';
import { readOutageFlag } from '../network/outage-flag';

export type NetworkState = 'online' | 'offline' | 'unreachable';

/**
 * What the server said about this device's session: not asked yet, valid, ended (401 with a cached
 * user: the banner asks to sign in again), none (no session, no cached user), or no answer (offline).
 */
export type SessionCheck = 'pending' | 'valid' | 'expired' | 'none' | 'unverified';

export type StorageStatus =
  | { state: 'opening' }
  | { state: 'blocked' }
  | { state: 'ready'; db: HoldfastDatabase; deviceId: string; wiped: boolean }
  | { state: 'closed' }
  | { state: 'failed'; kind: StorageProblemKind; detail: string };

export interface Announcement {
  text: string;
  /** Changes on every announce, so repeating the same sentence is still read out. */
  id: number;
}

export interface AppState {
  language: Language;
  network: NetworkState;
  sessionCheck: SessionCheck;
  storage: StorageStatus;
  /** Set when a new service worker is waiting; calling it activates the worker and reloads. */
  applyUpdate: (() => void) | null;
  announcement: Announcement | null;
  wipeNoticeDismissed: boolean;
  /** This tab's sync engine status (the unsent count and last sync time are also read live from Dexie). */
  sync: SyncStatus;
  /**
   * "Practice offline (simulated outage)" for an exercise: this device neither pushes nor pulls and counts
   * as offline until it is turned off (kept per device across reloads: network/simulated-outage.ts).
   */
  simulatedOutage: boolean;
}

export interface AppActions {
  set: (partial: Partial<AppState>) => void;
  announce: (text: string) => void;
}

export type AppStore = AppState & AppActions;

export const initialState: AppState = {
  language: 'en',
  network: 'online',
  sessionCheck: 'pending',
  storage: { state: 'opening' },
  applyUpdate: null,
  announcement: null,
  wipeNoticeDismissed: false,
  sync: INITIAL_STATUS,
  simulatedOutage: false,
};

export const appStore = createStore<AppStore>()((set) => ({
  ...initialState,
  // Read before anything syncs: a reload during a simulated outage must not send or fetch.
  simulatedOutage: readOutageFlag(),
  set: (partial) => set(partial),
  announce: (text) => set((state) => ({ announcement: { text, id: (state.announcement?.id ?? 0) + 1 } })),
}));

/** The open database, or null while opening or after a failure or versionchange. */
export function currentDatabase(): HoldfastDatabase | null {
  const storage = appStore.getState().storage;
  return storage.state === 'ready' ? storage.db : null;
}

/**
 * The database once opening has settled: the open database, or null if it failed or was closed. Waits
 * while it is still opening or blocked by another tab (a sign-in must be cached before it counts).
 */
export function settledDatabase(): Promise<HoldfastDatabase | null> {
  const settled = (storage: StorageStatus) =>
    storage.state === 'ready'
      ? storage.db
      : storage.state === 'failed' || storage.state === 'closed'
        ? null
        : undefined;
  const now = settled(appStore.getState().storage);
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const unsubscribe = appStore.subscribe((state) => {
      const result = settled(state.storage);
      if (result === undefined) return;
      unsubscribe();
      resolve(result);
    });
  });
}
