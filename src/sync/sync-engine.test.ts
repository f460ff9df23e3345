// The sync engine against a fake server: push acknowledgement, lost answers, rejections, 401 pauses,
// backoff, and the locks that keep to one syncing tab.
import { describe, expect, it, vi } from 'vitest';
import { clearCachedSession, listRejections, writeCachedSession } from '../storage';
import { BACKOFF_BASE_MS } from './backoff';
import { runExclusive } from './sync-lock';
import { FakeSyncServer } from './test/fake-sync-server';
import { id, makeDevice } from './test/device';

const accounts = {
  rita: { role: 'clerk' as const, departments: ['public-works'] },
  sam: { role: 'field' as const, departments: ['public-works', 'parks'] },
};

describe('sync engine: push', () => {
  it('sends everything, deletes entries only once answered, and records the sync time', async () => {
    const server = new FakeSyncServer(accounts);
    server.maxPerPush = 2;
    const device = await makeDevice(server);
    for (const i of [1, 2, 3, 4, 5]) await device.createNote(i, `Note ${i}`);
    const status = await device.engine.syncNow();
    expect(status).toMatchObject({ state: 'idle', unsent: 0, problem: null, lastSyncAt: expect.any(String) });
    expect(server.server.lastSeq.values().next().value).toBe(5);
    expect(server.calls.filter((c) => c.includes('push'))).toHaveLength(3);
    expect(await device.db.outbox.count()).toBe(0);
    // The pull brought the server's versions back, with revs.
    expect((await device.db.records.get(id(1)))?.rev).toBeGreaterThan(0);
  });

  it('leaves no confirmed row marked as unsent: the pull rewrites them, or the engine does when it fails', async () => {
    const server = new FakeSyncServer(accounts);
    server.maxPerPush = 2;
    const device = await makeDevice(server);
    for (const i of [1, 2, 3]) await device.createNote(i, `Note ${i}`);
    expect((await device.db.records.toArray()).every((row) => 'base' in row)).toBe(true);
    await device.engine.syncNow();
    const marked = async () =>
      (await device.db.records.toArray()).filter((row) => 'base' in row || 'stamp' in row).map((r) => r.id);
    expect(await marked()).toEqual([]);

    // The push goes through and the pull fails: the rows the push confirmed are cleaned all the same.
    for (const i of [4, 5]) await device.createNote(i, `Note ${i}`);
    server.failPullNumber = server.calls.filter((c) => c.includes('pull')).length + 1;
    const failed = await device.engine.syncNow();
    expect(failed.state).toBe('error');
    expect(failed.unsent).toBe(0);
    expect(await marked()).toEqual([]);
  });

  it('keeps entries whose answer was lost, and a retry is harmless', async () => {
    const server = new FakeSyncServer(accounts);
    const device = await makeDevice(server);
    await device.createNote(1, 'Culvert');
    await device.createNote(2, 'Pothole');
    server.loseNextResponse = true;
    const failed = await device.engine.syncNow();
    expect(failed.state).toBe('error');
    expect(failed.problem?.code).toBe('unreachable');
    expect((await device.db.outbox.toArray()).map((e) => e.status)).toEqual(['sent', 'sent']);
    const ok = await device.engine.syncNow();
    expect(ok.state).toBe('idle');
    expect(await device.db.outbox.count()).toBe(0);
    expect(server.server.log).toHaveLength(2); // each applied once
    expect([...server.server.records.keys()].sort()).toEqual([id(1), id(2)]);
  });

  it('moves a refused change to Needs attention and still sends the later ones', async () => {
    const server = new FakeSyncServer(accounts);
    const device = await makeDevice(server);
    await device.createNote(1, 'Shared');
    await device.engine.syncNow();
    // Sam deletes the note on another device; Rita, not yet pulled, edits it and adds another note.
    const sam = await makeDevice(server, 'sam');
    await sam.engine.syncNow();
    await sam.write('record.delete', { kind: 'note', id: id(1) });
    await sam.engine.syncNow();
    await device.write('record.update', { kind: 'note', id: id(1), fields: { title: 'Edited' } });
    await device.createNote(2, 'Later');
    const status = await device.engine.syncNow();
    expect(status.state).toBe('idle');
    const [rejection] = await listRejections(device.db, 'rita');
    expect(rejection?.reason.code).toBe('deleted');
    expect(rejection?.entry.name).toBe('record.update');
    expect(server.server.records.get(id(2))?.fields.title).toBe('Later');
    expect((await device.db.records.get(id(1)))?.deleted).toBe(true);
  });

  it('resumes from the seq the server expects after a 409 gap', async () => {
    const server = new FakeSyncServer(accounts);
    const device = await makeDevice(server);
    for (const i of [1, 2, 3]) await device.createNote(i, `N${i}`);
    // The device lost entry 1 (restored from an old copy): the server cannot take 2 and 3.
    const [first] = await device.db.outbox.toArray();
    await device.db.outbox.delete([first!.clientId, 1]);
    const status = await device.engine.syncNow();
    expect(status.state).toBe('error');
    expect(status.problem?.code).toBe('lost_entries');
    expect(device.timers.scheduled).toHaveLength(0); // needs a person, not a retry loop
    expect(await device.db.outbox.count()).toBe(2);
  });
});

describe('sync engine: session and retries', () => {
  it('pauses on 401 without retrying, keeps 50 changes and sends them all after sign-in', async () => {
    const server = new FakeSyncServer(accounts);
    const onSessionExpired = vi.fn();
    const device = await makeDevice(server, 'rita', { onSessionExpired });
    for (let i = 1; i <= 50; i++) await device.createNote(i, `Note ${i}`);
    server.sessionUser = null;
    const status = await device.engine.syncNow();
    expect(status).toMatchObject({ state: 'paused-signed-out', unsent: 50 });
    expect(status.problem?.code).toBe('session_expired');
    expect(onSessionExpired).toHaveBeenCalledOnce();
    expect(device.timers.scheduled).toHaveLength(0);
    await device.engine.syncNow();
    device.engine.requestSync(0);
    expect(server.calls).toHaveLength(1); // one request, no loop
    expect(await device.db.outbox.count()).toBe(50);

    server.sessionUser = 'rita';
    const after = await device.engine.resume();
    expect(after).toMatchObject({ state: 'idle', unsent: 0 });
    expect(server.server.records.size).toBe(50);
  });

  it('keeps another user’s changes, unsent, until that user signs in again', async () => {
    const server = new FakeSyncServer(accounts);
    const device = await makeDevice(server);
    await device.createNote(1, 'Rita’s');
    const sam = { id: 'sam', username: 'sam', displayName: 'Sam', disabled: false, ...accounts.sam };
    const session = { expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 };
    await writeCachedSession(device.db, { user: sam, session });
    server.sessionUser = 'sam';
    expect(await device.engine.resume()).toMatchObject({ state: 'idle', unsent: 0 });
    expect(server.server.records.has(id(1))).toBe(false);
    expect(await device.db.outbox.count()).toBe(1);

    await writeCachedSession(device.db, {
      user: { ...sam, ...accounts.rita, id: 'rita', username: 'rita' },
      session,
    });
    server.sessionUser = 'rita';
    await device.engine.resume();
    expect(server.server.records.get(id(1))?.fields.title).toBe('Rita’s');
    expect(await device.db.outbox.count()).toBe(0);
  });

  it('backs off with full jitter, doubling to the cap, and starts over after a success', async () => {
    const server = new FakeSyncServer(accounts);
    const device = await makeDevice(server);
    await device.createNote(1, 'Waiting');
    server.down = true;
    await device.engine.syncNow();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push(device.timers.scheduled[0]!.ms);
      device.timers.fire();
      await vi.waitFor(() => expect(device.timers.scheduled).toHaveLength(1));
    }
    // random() = 0.5: half of 2 s, 4 s, 8 s, 16 s.
    expect(delays).toEqual([1, 2, 4, 8].map((k) => k * BACKOFF_BASE_MS * 0.5));
    server.down = false;
    await device.engine.syncNow();
    expect(device.engine.status().state).toBe('idle');
    server.down = true;
    await device.engine.syncNow();
    expect(device.timers.scheduled[0]?.ms).toBe(BACKOFF_BASE_MS * 0.5);
  });

  it('reports offline without a request and without a timer', async () => {
    const server = new FakeSyncServer(accounts);
    const requestBackgroundSync = vi.fn();
    const device = await makeDevice(server, 'rita', { isOnline: () => false, requestBackgroundSync });
    await device.createNote(1, 'Offline');
    const status = await device.engine.syncNow();
    expect(status).toMatchObject({ state: 'offline', unsent: 1 });
    expect(server.calls).toHaveLength(0);
    expect(device.timers.scheduled).toHaveLength(0);
    expect(requestBackgroundSync).toHaveBeenCalled();
  });

  /** A Web Locks stand-in: one holder at a time, waiters in order, `ifAvailable` answered with null. */
  function fakeLocks() {
    let tail: Promise<void> = Promise.resolve();
    let holdersAndWaiters = 0;
    const locks = {
      request: async <T>(_name: string, o: { ifAvailable?: boolean }, cb: (lock: unknown) => Promise<T>) => {
        if (o.ifAvailable && holdersAndWaiters > 0) return cb(null);
        holdersAndWaiters += 1;
        const before = tail;
        let release!: () => void;
        tail = new Promise<void>((resolve) => (release = resolve));
        await before;
        try {
          return await cb({});
        } finally {
          holdersAndWaiters -= 1;
          release();
        }
      },
      /** Another tab takes the lock until the returned function is called. */
      hold: async () => {
        let release!: () => void;
        let taken!: () => void;
        const got = new Promise<void>((resolve) => (taken = resolve));
        void locks.request('holdfast-sync', {}, () => {
          taken();
          return new Promise<void>((resolve) => (release = resolve));
        });
        await got;
        return release;
      },
    };
    return locks;
  }

  it('runs one task at a time: a second waits for the first and is told it waited', async () => {
    const locks = fakeLocks();
    let release!: () => void;
    const order: string[] = [];
    const first = runExclusive(locks, (contended) => {
      order.push(`a ${contended}`);
      return new Promise<string>((resolve) => (release = () => resolve('a')));
    });
    const second = runExclusive(locks, async (contended) => (order.push(`b ${contended}`), 'b'));
    await Promise.resolve();
    expect(order).toEqual(['a false']);
    release();
    expect(await first).toBe('a');
    expect(await second).toBe('b');
    expect(order).toEqual(['a false', 'b true']);
  });

  it('"Sync now" while another tab syncs waits for it, then sends and pulls', async () => {
    const server = new FakeSyncServer(accounts);
    const locks = fakeLocks();
    const device = await makeDevice(server, 'rita', { locks });
    const release = await locks.hold();
    await device.createNote(1, "Written during the other tab's sync");
    const pending = device.engine.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.calls).toEqual([]); // still waiting for the lock
    release();
    const status = await pending;
    expect(status).toMatchObject({ state: 'idle', unsent: 0, problem: null });
    expect(server.server.records.get(id(1))?.fields.title).toBe("Written during the other tab's sync");
    expect(server.calls.some((c) => c.includes('pull'))).toBe(true);
  });

  it('a sync that waited for the lock does not run for a user who signed out meanwhile', async () => {
    const server = new FakeSyncServer(accounts);
    const locks = fakeLocks();
    const device = await makeDevice(server, 'rita', { locks });
    await device.createNote(1, 'Written before signing out');
    const release = await locks.hold();
    const pending = device.engine.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    device.engine.pause();
    await clearCachedSession(device.db);
    server.sessionUser = null;
    release();
    const status = await pending;
    expect(server.calls).toEqual([]);
    expect(status).toMatchObject({ state: 'paused-signed-out', problem: { code: 'signed_out' } });
    expect(await device.db.outbox.count()).toBe(1); // kept for when Rita signs in again
  });

  it('an automatic sync that waited skips its round when the other tab left nothing unsent', async () => {
    const server = new FakeSyncServer(accounts);
    const locks = fakeLocks();
    const device = await makeDevice(server, 'rita', { locks });
    const release = await locks.hold();
    device.engine.requestSync(0);
    const run = device.timers.fire();
    expect(run).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(device.engine.status().state).toBe('syncing'); // waiting for the other tab
    release();
    await vi.waitFor(() => expect(device.engine.status().state).toBe('idle'));
    expect(server.calls).toEqual([]);

    // With a change the other tab did not send, the waiting tab sends it.
    const again = await locks.hold();
    await device.createNote(2, 'Left behind');
    device.engine.requestSync(0);
    device.timers.fire();
    await new Promise((resolve) => setTimeout(resolve, 20));
    again();
    await vi.waitFor(() => expect(server.server.records.get(id(2))?.fields.title).toBe('Left behind'));
  });
});
