// The session lifecycle: verify the cached session in the background, sign in, sign out.
// "No session" (or a 401) never locks the user out or clears their data: it only marks the session expired.
// The storage and sync code are imported when needed, not up front: the sign-in page imports this module,
// and it must show without waiting for Dexie and the sync engine.
import type { SessionInfo } from '../../protocol/api';
import { api } from '../api/endpoints';
import { ApiError } from '../api/api-error';
import { appStore, currentDatabase, settledDatabase } from '../store/app-store';
import { sessionChanged, sessionQuestion } from './session-request';

function setCheck(sessionCheck: ReturnType<typeof appStore.getState>['sessionCheck']) {
  appStore.getState().set({ sessionCheck });
}

const storage = () => import('../../storage');
const syncRuntime = () => import('../sync/sync-runtime');

/**
 * One GET /api/auth/me (the one asked at boot, the first time); called at start and again only when a
 * check could not reach the server. An answer overtaken by a sign-in or sign-out is dropped.
 */
export async function verifySession(): Promise<void> {
  const question = sessionQuestion();
  let info: SessionInfo | null;
  try {
    info = await question.answer;
  } catch {
    if (question.current()) setCheck('unverified');
    return;
  }
  const db = currentDatabase();
  const { readCachedSession, writeCachedSession } = await storage();
  if (!question.current()) return;
  if (info) {
    if (db) await writeCachedSession(db, info);
    if (question.current()) setCheck('valid');
  } else {
    const cached = db ? await readCachedSession(db) : null;
    if (question.current()) setCheck(cached ? 'expired' : 'none');
  }
}

/** Any API call that gets a 401 reports it here, so the banner appears instead of a retry. */
export function noteUnauthorized(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) setCheck('expired');
}

/** After a successful sign-in or setup. Waits for the database to open, so the session is cached. */
export async function completeSignIn(info: SessionInfo): Promise<void> {
  sessionChanged();
  const [db, { writeCachedSession, requestPersistence }, { resumeSync }] = await Promise.all([
    settledDatabase(),
    storage(),
    syncRuntime(),
  ]);
  if (db) await writeCachedSession(db, info);
  setCheck('valid');
  // The outbox waited for this user (or another user's waits on): sync picks up whoever is signed in.
  resumeSync();
  // After sign-in the user has shown intent, which some browsers need before granting persistence.
  void requestPersistence();
}

export async function signOut(): Promise<void> {
  sessionChanged();
  try {
    await api.logout();
  } catch {
    // Offline or already ended: the server session times out by itself; the local sign-out still counts.
  }
  const db = currentDatabase();
  const [{ clearCachedSession }, { pauseSync }] = await Promise.all([storage(), syncRuntime()]);
  if (db) await clearCachedSession(db);
  // Unsent changes stay in the outbox, tied to this user, until they sign in here again.
  pauseSync();
  setCheck('none');
}
