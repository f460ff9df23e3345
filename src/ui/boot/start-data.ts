// Loaded after the first paint (a chunk of its own, with Dexie and the sync engine): opens storage,
// checks the session, starts sync, and checks again once a lost connection returns.
import { verifySession } from '../session/session';
import { appStore } from '../store/app-store';
import { startSync } from '../sync/sync-runtime';
import { startStorage } from './start-storage';

export async function startData(): Promise<void> {
  await startStorage();
  if (appStore.getState().storage.state !== 'ready') return;
  await verifySession();
  const storage = appStore.getState().storage;
  if (storage.state === 'ready') startSync(storage.db);
  // A check that could not reach the server is repeated once the connection returns: one call per
  // reconnection, never a retry loop (a 401 is final until the user signs in).
  appStore.subscribe((state, previous) => {
    if (state.network === 'online' && previous.network !== 'online' && state.sessionCheck === 'unverified') {
      void verifySession();
    }
  });
}
