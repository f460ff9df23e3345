// When sync runs besides start-up and "Sync now": the browser comes online, the tab becomes visible,
// or the service worker relays a Background Sync wake-up.
import { SW_SYNC_REQUESTED } from '../protocol/service-worker';
import type { SyncEngine } from './sync-engine';

export interface TriggerTargets {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  serviceWorker?: Pick<ServiceWorkerContainer, 'addEventListener' | 'removeEventListener'> | undefined;
}

export function isSyncRequestedMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SW_SYNC_REQUESTED;
}

/** Attaches the listeners; returns a function that removes them. */
export function attachSyncTriggers(
  engine: Pick<SyncEngine, 'syncNow' | 'requestSync'>,
  targets: TriggerTargets,
) {
  const onOnline = () => void engine.syncNow();
  const onVisible = () => {
    if (targets.document.visibilityState === 'visible') engine.requestSync(0);
  };
  const onMessage = (event: MessageEvent) => {
    if (isSyncRequestedMessage(event.data)) engine.requestSync(0);
  };
  targets.window.addEventListener('online', onOnline);
  targets.document.addEventListener('visibilitychange', onVisible);
  targets.serviceWorker?.addEventListener('message', onMessage);
  return () => {
    targets.window.removeEventListener('online', onOnline);
    targets.document.removeEventListener('visibilitychange', onVisible);
    targets.serviceWorker?.removeEventListener('message', onMessage);
  };
}
