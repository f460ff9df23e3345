// The cached session survives a reopen and is removed only by clearCachedSession.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { clearCachedSession, readCachedSession, writeCachedSession } from './session-cache';
import { observe } from './observe';
import type { CachedSession } from './meta';

const session: CachedSession = {
  user: {
    id: 'u1',
    username: 'ada',
    displayName: 'Ada Lovelace',
    role: 'admin',
    departments: ['public-works'],
    disabled: false,
  },
  session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 },
};

describe('session cache', () => {
  it('round-trips through the database and a reopen', async () => {
    const name = `holdfast-session-${Math.random().toString(36).slice(2)}`;
    const first = await openDatabase({ name });
    expect(await readCachedSession(first.db)).toBeNull();
    await writeCachedSession(first.db, session);
    first.db.close();

    const second = await openDatabase({ name });
    expect(await readCachedSession(second.db)).toEqual(session);
    await clearCachedSession(second.db);
    expect(await readCachedSession(second.db)).toBeNull();
    second.db.close();
  });

  it('notifies live observers when the session changes', async () => {
    const { db } = await openDatabase({ name: `holdfast-live-${Math.random().toString(36).slice(2)}` });
    const seen: (string | null)[] = [];
    const subscription = observe(() => readCachedSession(db)).subscribe({
      next: (value) => seen.push(value?.user.username ?? null),
    });
    await expect.poll(() => seen).toEqual([null]);
    await writeCachedSession(db, session);
    await expect.poll(() => seen).toEqual([null, 'ada']);
    subscription.unsubscribe();
    db.close();
  });
});
