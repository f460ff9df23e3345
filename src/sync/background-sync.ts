// Background Sync (Chromium only): ask the browser to fire a `sync` event in the service worker when
// the network returns; the worker wakes the open tabs, which do the pushing themselves.
import { SYNC_TAG } from '../protocol/service-worker';

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

export async function requestBackgroundSync(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  if (typeof (globalThis as { SyncManager?: unknown }).SyncManager === 'undefined') return false;
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & SyncRegistration) | undefined;
    if (!registration?.sync) return false;
    await registration.sync.register(SYNC_TAG);
    return true;
  } catch {
    // Refused (permission, private mode): the online event and the timer still cover it.
    return false;
  }
}
