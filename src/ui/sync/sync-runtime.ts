// Wires the sync engine into the app: one engine per tab once storage is open, its status mirrored in
// the store, the triggers attached, and the session lifecycle (401, sign-in, sign-out) passed on.
import type { HoldfastDatabase } from '../../storage';
import type { SyncEngine } from '../../sync';
import { attachSyncTriggers, browserLocks, createSyncEngine, requestBackgroundSync } from '../../sync';
import { appStore } from '../store/app-store';

let engine: SyncEngine | null = null;

/** The running engine, or null before storage is ready. */
export function syncEngine(): SyncEngine | null {
  return engine;
}

/** During a simulated outage (an exercise's "Practice offline") the engine sees no network at all. */
const simulatedOutage = () => appStore.getState().simulatedOutage;

/** A sync after a local write: soon, but a few writes in a row share one push. */
const AFTER_WRITE_DELAY_MS = 1_500;

export function startSync(db: HoldfastDatabase): SyncEngine {
  engine?.stop();
  const created = createSyncEngine({
    db,
    // The engine checks isOnline before every request; the fetch refuses too, for any path that did not.
    fetch: (input, init) =>
      simulatedOutage()
        ? Promise.reject(new TypeError('Simulated outage: this device does not sync.'))
        : globalThis.fetch(input, init),
    isOnline: () => navigator.onLine !== false && !simulatedOutage(),
    locks: browserLocks(),
    onSessionExpired: () => appStore.getState().set({ sessionCheck: 'expired' }),
    requestBackgroundSync: () => {
      if (!simulatedOutage()) void requestBackgroundSync();
    },
  });
  engine = created;
  created.subscribe((sync) => appStore.getState().set({ sync }));
  attachSyncTriggers(created, {
    window,
    document,
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
  });
  void created.syncNow();
  return created;
}

export function syncAfterWrite(): void {
  engine?.requestSync(AFTER_WRITE_DELAY_MS);
  void engine?.refresh();
}

/** Signed in again: everything waiting is sent. */
export function resumeSync(): void {
  void engine?.resume();
}

export function pauseSync(): void {
  engine?.pause();
}
