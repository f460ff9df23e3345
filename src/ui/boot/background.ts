// What the app loads beside the first screen: the storage code (Dexie), the sync engine and the signed-in
// shell, each a chunk of its own. A signed-in page starts them at boot; a public page (sign-in, setup)
// only once it is on screen, so its first paint never shares the network with them.
import type { ComponentType } from 'preact';
import { askSessionEarly } from '../session/session-request';
import { appStore } from '../store/app-store';

let signedInShell: Promise<ComponentType> | null = null;
let started = false;

/** Fetches the signed-in shell (routes, sync bar, user menu: everything that reads Dexie) once. */
export function loadSignedInShell(): Promise<ComponentType> {
  signedInShell ??= import('../shell/signed-in-shell').then((m) => m.SignedInShell);
  signedInShell.catch(() => (signedInShell = null)); // a later call may try again
  return signedInShell;
}

/**
 * Opens storage, checks the session and starts sync (once), and fetches the signed-in shell. The session
 * question goes out at once, so its answer travels while the storage code loads and the database opens.
 */
export function startBackground(): void {
  if (started) return;
  started = true;
  askSessionEarly();
  void loadSignedInShell().catch(() => undefined); // the shell reports a failure when it needs it
  import('./start-data')
    .then((data) => data.startData())
    .catch((error: unknown) => {
      console.error('Holdfast storage code failed to load', error);
      appStore.getState().set({ storage: { state: 'failed', kind: 'unavailable', detail: String(error) } });
    });
}
