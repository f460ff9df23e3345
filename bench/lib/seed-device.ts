// IN THE PAGE (bundled into each part's in-page code): signing in, and making the app's own database a
// signed-in device that holds generated records: the session cached, one real sync (so the stored cursor is
// the server's), then the records stored page by page by applyPulledPage under that cursor, as an
// incremental pull stores them.
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { SessionInfo } from '../../src/protocol/api';
import {
  applyPulledPage,
  DATABASE_NAME,
  openDatabase,
  readCursor,
  writeCachedSession,
  type HoldfastDatabase,
} from '../../src/storage';
import { createSyncEngine } from '../../src/sync';

/** Records stored per applyPulledPage call (a pull page is smaller; bigger only makes seeding faster). */
const SEED_PAGE = 5_000;

export async function signIn(username: string, password: string): Promise<SessionInfo> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} answered ${response.status}`);
  return (await response.json()) as SessionInfo;
}

export interface DeviceOwner {
  /** The user's first department (where the records go). */
  dept: string;
  userId: string;
}

/**
 * Seeds the app's database as a signed-in device holding `build`'s records, then lets `after` read what it
 * needs (counts) on the same connection. Returns `after`'s answer with the seeding time.
 */
export async function seedSignedInDevice<T>(
  session: SessionInfo,
  build: (owner: DeviceOwner) => SyncRecord[],
  after: (db: HoldfastDatabase, owner: DeviceOwner) => Promise<T>,
): Promise<T & { seedMs: number }> {
  const { user } = session;
  const owner = { dept: user.departments[0] ?? 'bench-device', userId: user.id };
  const start = performance.now();
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  try {
    await writeCachedSession(db, session);
    const engine = createSyncEngine({
      db,
      fetch: (input, init) => fetch(input, init),
      locks: null,
      isOnline: () => true,
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
    const status = await engine.syncNow();
    engine.stop();
    if (status.state !== 'idle') throw new Error(`the seeding sync ended ${status.state}`);
    const cursor = await readCursor(db, user.id);
    if (cursor === null) throw new Error('the seeding sync stored no cursor');
    const records = build(owner);
    for (let i = 0; i < records.length; i += SEED_PAGE)
      await applyPulledPage(
        db,
        {
          records: records.slice(i, i + SEED_PAGE),
          cursor,
          hasMore: false,
          scope: { departments: [owner.dept] },
        },
        { userId: user.id, startResync: false },
      );
    const answer = await after(db, owner);
    return { ...answer, seedMs: performance.now() - start };
  } finally {
    db.close();
  }
}
