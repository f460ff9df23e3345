// The sync part of the storage contract: both adapters store records, devices, results and the revision
// counter identically, and revs become visible only in order even with two processes pushing at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import type { Storage } from './storage';

const T0 = new Date('2030-01-01T08:00:00.000Z');
const DAY = 24 * 3_600_000;

function record(n: number, rev: number, extra: Partial<SyncRecord> = {}): SyncRecord {
  return {
    id: `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    kind: 'note',
    dept: 'roads',
    rev,
    createdAt: '2030-01-01T07:00:00.000Z',
    updatedAt: '2030-01-01T07:30:00.000Z',
    createdBy: 'u1',
    updatedBy: 'u2',
    deleted: false,
    fields: { title: `Note ${n}`, body: 'Zürich 🦆 a\u0000b', nested: { list: [1, null, true] } },
    fieldRevs: { title: rev },
    fieldWriters: { title: { userId: 'u1', clientId: 'device-1' } },
    ...extra,
  };
}

/** One push as the server makes it: lock, write records with the next revs, store the counter. */
async function pushRecords(storage: Storage, ns: number[], hold?: Promise<void>, locked?: () => void) {
  return storage.transaction(async (tx) => {
    let rev = await tx.sync.lockRevision();
    locked?.();
    await tx.sync.putRecords(
      ns.map((n) => record(n, ++rev)),
      T0,
    );
    await hold;
    await tx.sync.setRevision(rev);
    return rev;
  });
}

async function visibleRevs(storage: Storage): Promise<number[]> {
  return storage.transaction(
    async (tx) =>
      (await tx.sync.listRecords({ after: 0, departments: null, limit: 10_000 })).map((r) => r.rev!),
    { readOnly: true },
  );
}

describe.each(await testAdapters())('sync storage contract: $name', ({ name, create }) => {
  let adapter: TestAdapter;
  let storage: Storage;
  beforeEach(async () => {
    adapter = create();
    storage = await adapter.open();
    await storage.users.create({
      id: 'u1',
      username: 'rita',
      displayName: 'Rita',
      role: 'clerk',
      passwordHash: 'x',
      disabled: false,
      departments: [],
      now: T0,
    });
  });
  afterEach(async () => {
    await adapter.cleanup();
  });

  it('keeps numbered series: read, advanced and written back inside a push transaction', async () => {
    expect(await storage.sync.listSeries()).toEqual(new Map());
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.setSeries(
        new Map([
          ['permit-2030', 2],
          ['permit-2031', 1],
        ]),
      );
    });
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.setSeries(new Map([['permit-2030', 3]]));
    });
    expect(await storage.sync.listSeries()).toEqual(
      new Map([
        ['permit-2030', 3],
        ['permit-2031', 1],
      ]),
    );
  });

  it('stores whole records and lists them by rev and department', async () => {
    await pushRecords(storage, [1, 2]);
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.putRecords([record(1, 3, { deleted: true }), record(3, 4, { dept: 'parks' })], T0);
      await tx.sync.setRevision(4);
    });
    const [one] = await storage.sync.getRecords([record(1, 0).id]);
    expect(one).toEqual(record(1, 3, { deleted: true }));
    expect(await storage.sync.getRecords([])).toEqual([]);
    // More ids than one statement may bind on SQLite (an imported file's batch of record.createMany).
    const many = Array.from({ length: 40_000 }, (_, i) => `missing-${i}`);
    many.splice(25_000, 0, record(1, 0).id);
    expect((await storage.sync.getRecords(many)).map((r) => r.id)).toEqual([record(1, 0).id]);
    const all = await storage.sync.listRecords({ after: 0, departments: null, limit: 10 });
    expect(all.map((r) => r.rev)).toEqual([2, 3, 4]);
    expect(
      (await storage.sync.listRecords({ after: 2, departments: ['roads'], limit: 10 })).map((r) => r.rev),
    ).toEqual([3]);
    expect(await storage.sync.listRecords({ after: 0, departments: [], limit: 10 })).toEqual([]);
    expect(await storage.sync.listRecords({ after: 0, departments: null, limit: 1 })).toHaveLength(1);
    expect(await storage.sync.revision()).toBe(4);
  });

  it('keeps a device with its first user and stores results for retries', async () => {
    await storage.users.create({
      id: 'u2',
      username: 'sam',
      displayName: 'Sam',
      role: 'clerk',
      passwordHash: 'x',
      disabled: false,
      departments: [],
      now: T0,
    });
    expect(await storage.sync.getClient('device-1')).toBeNull();
    expect(await storage.sync.claimClient('device-1', 'u1', T0)).toEqual({
      clientId: 'device-1',
      userId: 'u1',
      lastSeq: 0,
    });
    expect(await storage.sync.claimClient('device-1', 'u2', T0)).toMatchObject({ userId: 'u1' });
    await storage.sync.setLastSeq('device-1', 7, T0);
    const reason = { code: 'deleted' as const, message: 'Gone.', params: { deletedBy: 'u2' } };
    await storage.sync.saveResults('device-1', []);
    await storage.sync.saveResults('device-1', [
      { seq: 6, status: 'rejected', reason },
      { seq: 7, status: 'conflict', rev: 9, conflictIds: ['c1'] },
    ]);
    const results = await storage.sync.getResults('device-1', 1, 7);
    expect([...results.values()]).toEqual([
      { seq: 6, status: 'rejected', reason },
      { seq: 7, status: 'conflict', rev: 9, conflictIds: ['c1'] },
    ]);
    expect(await storage.sync.counts()).toEqual({
      records: 0,
      clients: 1,
      results: 2,
      revision: 0,
      tombstoneHorizon: 0,
    });
  });

  it('writes many records at once, the last version of a record listed twice winning', async () => {
    // More rows than one PostgreSQL statement may bind (13 values each): the adapter splits them.
    const many = Array.from({ length: 2600 }, (_, i) => record(i + 1, i + 1));
    const renamed = record(5, 2601, { fields: { title: 'Renamed' }, deleted: true });
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.putRecords([...many, renamed], T0);
      await tx.sync.putRecords([], T0);
      await tx.sync.setRevision(2601);
    });
    const listed = await storage.sync.listRecords({ after: 0, departments: null, limit: 10_000 });
    expect(listed).toHaveLength(2600);
    expect(listed.at(-1)).toEqual(renamed);
    expect(listed[0]).toEqual(many[0]);
    expect(await storage.sync.getRecords([many[4]!.id])).toEqual([renamed]);
  });

  it('a failed multi-row write inside a transaction leaves nothing behind', async () => {
    await storage.sync.claimClient('device-1', 'u1', T0);
    const results = Array.from({ length: 6000 }, (_, i) => ({ seq: i + 1, status: 'applied' as const }));
    await expect(
      storage.transaction(async (tx) => {
        await tx.sync.lockRevision();
        // The duplicate seq sits in the last statement PostgreSQL is sent.
        await tx.sync.saveResults('device-1', [...results, { seq: 1, status: 'applied' }]);
      }),
    ).rejects.toThrow();
    expect((await storage.sync.counts()).results).toBe(0);
    await storage.sync.saveResults('device-1', results);
    expect((await storage.sync.getResults('device-1', 5999, 6000)).size).toBe(2);
  });

  it('purges only tombstones written before the cutoff and raises the horizon', async () => {
    await storage.transaction(async (tx) => {
      await tx.sync.lockRevision();
      await tx.sync.putRecords([record(1, 1, { deleted: true }), record(2, 2)], T0);
      await tx.sync.putRecords([record(3, 3, { deleted: true })], new Date(T0.getTime() + 10 * DAY));
      await tx.sync.setRevision(3);
    });
    const purge = (at: Date) => storage.transaction((tx) => tx.sync.purgeTombstones(at));
    expect(await purge(T0)).toEqual({ removed: 0, horizon: 0 });
    expect(await purge(new Date(T0.getTime() + DAY))).toEqual({ removed: 1, horizon: 1 });
    expect(await purge(new Date(T0.getTime() + 11 * DAY))).toEqual({ removed: 1, horizon: 3 });
    expect(await storage.sync.tombstoneHorizon()).toBe(3);
    expect(
      (await storage.sync.listRecords({ after: 0, departments: null, limit: 9 })).map((r) => r.rev),
    ).toEqual([2]);
  });

  // Registered only for PostgreSQL (SQLite has one connection per file), so SQLite reports no skipped test.
  const postgresOnly: typeof it = name === 'postgres' ? it : ((() => undefined) as unknown as typeof it);
  postgresOnly('two processes: a later push waits, and no rev shows before a lower one commits', async () => {
    const other = await adapter.reopen();
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    let aLocked!: () => void;
    const locked = new Promise<void>((resolve) => (aLocked = resolve));
    const a = pushRecords(storage, [1, 2], hold, aLocked);
    await locked;
    let bDone = false;
    const b = pushRecords(other, [3]).then((rev) => ((bDone = true), rev));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(bDone).toBe(false);
    expect(await visibleRevs(other)).toEqual([]);
    release();
    expect(await Promise.all([a, b])).toEqual([2, 3]);
    expect(await visibleRevs(storage)).toEqual([1, 2, 3]);
  });

  it('many concurrent pushes from two processes: every snapshot shows a gap-free prefix of revs', async () => {
    // SQLite is one process here: a second connection in the same thread would block its own event loop.
    const second = name === 'postgres' ? await adapter.reopen() : storage;
    let next = 1;
    const writers = Array.from({ length: 16 }, (_, i) => {
      const ns = Array.from({ length: 1 + (i % 3) }, () => next++);
      const delay = new Promise<void>((resolve) => setTimeout(resolve, (i * 7) % 20));
      return pushRecords(i % 2 === 0 ? storage : second, ns, delay);
    });
    let done = false;
    const all = Promise.all(writers).finally(() => (done = true));
    const seen: number[][] = [];
    while (!done) {
      seen.push(await visibleRevs(seen.length % 2 === 0 ? storage : second));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await all;
    seen.push(await visibleRevs(storage));
    for (const revs of seen) expect(revs).toEqual(revs.map((_, i) => i + 1));
    expect(seen.at(-1)).toHaveLength(next - 1);
  });
});
