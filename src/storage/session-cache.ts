// The cached session lets the app open with no network: the last signed-in user, kept until sign-out.
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta, type CachedSession } from './meta';

export function readCachedSession(db: HoldfastDatabase): Promise<CachedSession | null> {
  return getMeta(db, 'currentUser');
}

export function writeCachedSession(db: HoldfastDatabase, session: CachedSession): Promise<void> {
  return setMeta(db, 'currentUser', session);
}

/** Only sign-out clears the cache; an expired session keeps it so the user still sees their data. */
export async function clearCachedSession(db: HoldfastDatabase): Promise<void> {
  await db.meta.delete('currentUser');
}
