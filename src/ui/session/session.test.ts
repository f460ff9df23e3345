// The session check: "no session" (200 { user: null } or a 401) marks the session expired only when a
// user is cached, the boot-time question is used once, an answer overtaken by a sign-in is dropped, and a
// sign-in made before the database opened is still cached.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../protocol/api';
import { openDatabase, readCachedSession, writeCachedSession, type HoldfastDatabase } from '../../storage';
import { ApiError, NetworkError } from '../api/api-error';
import { appStore, initialState } from '../store/app-store';

const me = vi.fn<() => Promise<unknown>>();
vi.mock('../api/endpoints', () => ({ api: { me: () => me(), logout: () => Promise.resolve() } }));

const { completeSignIn, verifySession } = await import('./session');
const { askSessionEarly } = await import('./session-request');

const info: SessionInfo = {
  user: {
    id: 'u1',
    username: 'lee',
    displayName: 'Lee Clerk',
    role: 'field',
    departments: ['roads'],
    disabled: false,
  },
  session: { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 3600 },
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let db: HoldfastDatabase;
let name = 0;

beforeEach(async () => {
  me.mockReset();
  appStore.setState({ ...initialState });
  const opened = await openDatabase({ name: `session-test-${++name}` });
  db = opened.db;
});

afterEach(() => {
  db.close();
});

const ready = () => appStore.getState().set({ storage: { state: 'ready', db, deviceId: 'd', wiped: false } });
const check = () => appStore.getState().sessionCheck;

describe('verifySession', () => {
  it('caches the user of a valid session', async () => {
    ready();
    me.mockResolvedValue(info);
    await verifySession();
    expect(check()).toBe('valid');
    expect((await readCachedSession(db))?.user.username).toBe('lee');
  });

  it.each([
    ['200 { user: null }', () => Promise.resolve({ user: null })],
    ['a 401', () => Promise.reject(new ApiError(401, { code: 'unauthorized', message: 'no' }))],
  ])('treats %s as no session: none without a cached user, expired with one', async (_, answer) => {
    ready();
    me.mockImplementation(answer);
    await verifySession();
    expect(check()).toBe('none');
    await writeCachedSession(db, info);
    await verifySession();
    expect(check()).toBe('expired');
    expect(await readCachedSession(db)).not.toBeNull(); // never cleared by the check
  });

  it('marks a check that could not reach the server unverified', async () => {
    ready();
    me.mockRejectedValue(new NetworkError('offline'));
    await verifySession();
    expect(check()).toBe('unverified');
  });

  it('uses the question asked at boot once, then asks again', async () => {
    me.mockResolvedValue(info);
    askSessionEarly();
    expect(me).toHaveBeenCalledTimes(1);
    ready();
    await verifySession();
    expect(me).toHaveBeenCalledTimes(1);
    await verifySession();
    expect(me).toHaveBeenCalledTimes(2);
  });

  it('drops an answer overtaken by a sign-in', async () => {
    const answer = deferred<unknown>();
    me.mockReturnValueOnce(answer.promise);
    askSessionEarly(); // asked while signed out
    ready();
    const checking = verifySession();
    await completeSignIn(info);
    expect(check()).toBe('valid');
    answer.resolve({ user: null }); // the signed-out answer arrives after the sign-in
    await checking;
    expect(check()).toBe('valid');
    expect(me).toHaveBeenCalledTimes(1);
  });
});

describe('completeSignIn', () => {
  it('waits for the database to open before caching the session', async () => {
    appStore.getState().set({ storage: { state: 'opening' } });
    let done = false;
    const signingIn = completeSignIn(info).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    ready();
    await signingIn;
    expect(check()).toBe('valid');
    expect((await readCachedSession(db))?.user.username).toBe('lee');
  });

  it('still counts when storage failed (nothing to cache into)', async () => {
    appStore.getState().set({ storage: { state: 'opening' } });
    const signingIn = completeSignIn(info);
    appStore.getState().set({ storage: { state: 'failed', kind: 'unavailable', detail: 'x' } });
    await signingIn;
    expect(check()).toBe('valid');
  });
});
