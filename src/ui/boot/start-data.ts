// Loaded beside the first screen (a chunk of its own, with Dexie): opens storage (the page the app was
// opened on reads its first data as soon as it is open: early-reads.ts), checks the session, starts sync
// (its engine loaded only now), and checks again once a lost connection returns.
//
// The session check and sync are not held back until the first screen has painted: tried, that made them
// land while a person was already using the page, and a keyboard browser test failed that way once on a
// loaded machine (not proven to be the cause); the gain was too small to measure.
import { verifySession } from '../session/session';
import { appStore } from '../store/app-store';
import { startStorage } from './start-storage';

export async function startData(): Promise<void> {
  await startStorage();
  if (appStore.getState().storage.state !== 'ready') return;
  await verifySession();
  const storage = appStore.getState().storage;
  if (storage.state === 'ready') {
    const { startSync } = await import('../sync/sync-runtime');
    if (appStore.getState().storage === storage) startSync(storage.db);
  }
  // A check that could not reach the server is repeated once the connection returns: one call per
  // reconnection, never a retry loop (a 401 is final until the user signs in).
  appStore.subscribe((state, previous) => {
    if (state.network === 'online' && previous.network !== 'online' && state.sessionCheck === 'unverified') {
      void verifySession();
    }
  });
}
