// Loaded beside the first screen (a chunk of its own, with Dexie): opens storage, lets the page the app was
// opened on read its first data, then checks the session, starts sync (its engine loaded only now), and
// checks again once a lost connection returns.
import { readCachedSession, type HoldfastDatabase } from '../../storage';
import { verifySession } from '../session/session';
import { appStore } from '../store/app-store';
import { firstScreenSettled } from './first-screen';
import { startStorage } from './start-storage';

/**
 * With a user cached on the device, the first screen does not need the server: its reads (the shell's and
 * the page's) go first, and the session check's write of the cached user and the sync engine's reads and
 * writes come once they are done and painted. Without one, the shell waits for the session check: at once.
 */
async function firstScreenRead(db: HoldfastDatabase): Promise<void> {
  if (await readCachedSession(db).catch(() => null)) await firstScreenSettled(true);
}

export async function startData(): Promise<void> {
  await startStorage();
  const opened = appStore.getState().storage;
  if (opened.state !== 'ready') return;
  await firstScreenRead(opened.db);
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
