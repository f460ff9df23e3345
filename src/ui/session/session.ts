// The session lifecycle: verify the cached session in the background, sign in, sign out.
// A 401 never locks the user out or clears their data: it only marks the session expired.
import type { SessionInfo } from '../../protocol/api';
import {
  clearCachedSession,
  readCachedSession,
  requestPersistence,
  writeCachedSession,
  type HoldfastDatabase,
} from '../../storage';
import { api } from '../api/endpoints';
import { ApiError } from '../api/api-error';
import { appStore, currentDatabase } from '../store/app-store';
import { pauseSync, resumeSync } from '../sync/sync-runtime';

function setCheck(sessionCheck: ReturnType<typeof appStore.getState>['sessionCheck']) {
  appStore.getState().set({ sessionCheck });
}

/** One GET /api/auth/me; called at start and again only when a check could not reach the server. */
export async function verifySession(): Promise<void> {
  const db = currentDatabase();
  try {
    const info = await api.me();
    if (db) await writeCachedSession(db, info);
    setCheck('valid');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const cached = db ? await readCachedSession(db) : null;
      setCheck(cached ? 'expired' : 'none');
    } else {
      setCheck('unverified');
    }
  }
}

/** Any API call that gets a 401 reports it here, so the banner appears instead of a retry. */
export function noteUnauthorized(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) setCheck('expired');
}

export async function completeSignIn(info: SessionInfo): Promise<void> {
  const db = currentDatabase();
  if (db) await writeCachedSession(db, info);
  setCheck('valid');
  // The outbox waited for this user (or another user's waits on): sync picks up whoever is signed in.
  resumeSync();
  // After sign-in the user has shown intent, which some browsers need before granting persistence.
  void requestPersistence();
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } catch {
    // Offline or already ended: the server session times out by itself; the local sign-out still counts.
  }
  const db: HoldfastDatabase | null = currentDatabase();
  if (db) await clearCachedSession(db);
  // Unsent changes stay in the outbox, tied to this user, until they sign in here again.
  pauseSync();
  setCheck('none');
}
