// The service worker: precaches the app shell and every route's code, serves client routes offline,
// and never caches /api. A new version waits until the page asks it to take over (no automatic skipWaiting).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SW_SYNC_REQUESTED, SYNC_TAG } from '../src/protocol/service-worker';
import { isSkipWaitingMessage } from './messages';

/** Background Sync's event (Chromium only; not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
  }
}

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// Take control of the first visit's page at once; later versions still wait for the user's reload.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation outside /api gets the precached shell; the client router takes it from there.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

self.addEventListener('message', (event) => {
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
});

// Background Sync: the network is back. The worker does not push (the outbox, the session and the
// sync lock live with the page); it wakes every open Holdfast tab, and the one holding the lock syncs.
self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    self.clients
      .matchAll({ type: 'window' })
      .then((clients) => clients.forEach((client) => client.postMessage({ type: SW_SYNC_REQUESTED }))),
  );
});
