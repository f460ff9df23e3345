// pushBatch reads ahead and writes at the end of the transaction; these tests pin that this is invisible:
// one batch gives exactly what the same entries pushed one at a time give (results, records, stored
// results, audit), and the number of storage calls per batch does not grow with the batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictRecordId } from '../../src/domain/sync/conflict-record';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import type { PushResponse } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import type { Storage, StorageStores, UserRecord } from '../storage/storage';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { entry, rid } from '../test-support/sync-client';
import { pushBatch } from './push-batch';

const NOW = new Date('2030-06-01T09:00:00.000Z');
const config = { now: () => NOW };

interface Device {
  user: UserRecord;
  clientId: string;
}

async function addUser(storage: Storage, id: string, displayName: string): Promise<UserRecord> {
  await storage.users.create({
    id,
    username: id,
    displayName,
    role: 'clerk',
    passwordHash: 'x',
    disabled: false,
    departments: ['roads'],
    now: NOW,
  });
  return (await storage.users.getById(id))!;
}

function send(storage: Storage, device: Device, entries: OutboxEntry[]): Promise<PushResponse> {
  return pushBatch(
    storage,
    config,
    { signedIn: device.user, authorId: device.user.id, via: 'push' },
    { protocol: PROTOCOL_VERSION, clientId: device.clientId, entries },
  );
}

const note = (who: Device, seq: number, n: number, title = `Note ${n}`, dept = 'roads') =>
  entry(who, seq, 'record.create', { kind: 'note', id: rid(n), dept, fields: { title } });
const update = (who: Device, seq: number, n: number, fields: Record<string, string>) =>
  entry(who, seq, 'record.update', { kind: 'note', id: rid(n), fields }, { [rid(n)]: 0 });

/** A new permit in roads (no number: the server gives it one, unless `extra` brings an imported one). */
const permitCreate = (n: number, extra: Record<string, string> = {}) => ({
  kind: 'permit',
  id: rid(n),
  dept: 'roads',
  fields: {
    permitType: 'Deck',
    description: 'Attached deck',
    address: `${n} Elm St`,
    applicantName: 'Ana Ruiz',
    appliedDate: '2030-05-01',
    ...extra,
  },
});

/** Two users and three devices; notes 1-3 exist, Sam deleted note 3 and changed note 2's body. */
async function seed(storage: Storage) {
  await storage.departments.create({ code: 'roads', name: 'Roads' }, NOW);
  const rita = await addUser(storage, 'rita', 'Rita Ruiz');
  const sam = await addUser(storage, 'sam', 'Sam Ortiz');
  const r1 = { user: rita, clientId: 'device-r1' };
  const r2 = { user: rita, clientId: 'device-r2' };
  const s = { user: sam, clientId: 'device-s' };
  await send(storage, r1, [
    note(r1, 1, 1),
    note(r1, 2, 2),
    note(r1, 3, 3),
    update(r1, 4, 1, { title: 'R1' }),
  ]);
  await send(storage, s, [
    entry(s, 1, 'record.delete', { kind: 'note', id: rid(3) }),
    update(s, 2, 2, { body: 'Sam was here' }),
  ]);
  return { r2, sam: s };
}

/** Every kind of outcome, several touching the same record, in one device's order. */
function mixedEntries(r2: Device, sam: Device): OutboxEntry[] {
  return [
    note(r2, 1, 4),
    update(r2, 2, 4, { title: 'Note 4 again' }),
    update(r2, 3, 1, { title: 'R2' }),
    entry(r2, 4, 'conflict.resolve', {
      conflictId: conflictRecordId('device-r2', 3, 'title'),
      value: 'Both',
    }),
    update(r2, 5, 3, { title: 'Too late' }),
    { ...note(r2, 6, 7), userId: sam.user.id },
    note(r2, 7, 4, 'Other content'),
    note(r2, 8, 5, 'Parks note', 'parks'),
    entry(r2, 9, 'record.delete', { kind: 'note', id: rid(4) }),
    update(r2, 10, 4, { body: 'After the delete' }),
    update(r2, 11, 2, { body: 'Rita was here' }),
    note(r2, 12, 6),
    entry(r2, 13, 'conflict.resolve', { conflictId: conflictRecordId('device-r2', 11, 'body'), value: 'x' }),
  ];
}

async function everything(storage: Storage) {
  const records = await storage.sync.listRecords({ after: 0, departments: null, limit: 1000 });
  const results = await storage.sync.getResults('device-r2', 1, 1000);
  const audit = (await storage.audit.list({ limit: 1000 })).map(({ action, userId, deviceId, detail }) => ({
    action,
    userId,
    deviceId,
    detail,
  }));
  return { records, results: [...results.values()], audit, counts: await storage.sync.counts() };
}

/** Counts calls of the stores a transaction gets: each is one or a few statements. */
function countCalls(storage: Storage): { calls: number } {
  const counter = { calls: 0 };
  const original = storage.transaction.bind(storage);
  const wrap = <T extends object>(store: T): T =>
    new Proxy(store, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          counter.calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  storage.transaction = (fn, options) =>
    original(
      (tx) =>
        fn(
          Object.fromEntries(
            Object.entries(tx).map(([name, store]) => [name, wrap(store as object)]),
          ) as unknown as StorageStores,
        ),
      options,
    );
  return counter;
}

describe.each(await testAdapters())('pushBatch: $name', ({ create }) => {
  let adapters: TestAdapter[];
  const open = async () => {
    const adapter = create();
    adapters.push(adapter);
    return adapter.open();
  };
  beforeEach(() => {
    adapters = [];
  });
  afterEach(async () => {
    for (const adapter of adapters) await adapter.cleanup();
  });

  it('one batch gives what the same entries give pushed one at a time', async () => {
    const batched = await open();
    const { r2, sam } = await seed(batched);
    const entries = mixedEntries(r2, sam);
    const together = await send(batched, r2, entries);

    const single = await open();
    await seed(single);
    const oneByOne = [];
    for (const e of entries) oneByOne.push(...(await send(single, r2, [e])).results);

    expect(together.results).toEqual(oneByOne);
    expect(together.lastSeq).toBe(13);
    expect(together.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'conflict',
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
      'rejected',
      'conflict',
      'applied',
      'applied',
    ]);
    expect(together.results.map((r) => r.reason?.code)).toEqual([
      ...[undefined, undefined, undefined, undefined, 'deleted', 'forbidden', 'duplicate', 'forbidden'],
      ...[undefined, 'deleted', undefined, undefined, undefined],
    ]);
    // The deleter's name is read from the users table; the batch's own delete names its author.
    expect(together.results[4]?.reason?.message).toContain('by Sam Ortiz;');
    expect(together.results[9]?.reason?.message).toContain('by Rita Ruiz;');
    expect(await everything(batched)).toEqual(await everything(single));

    const { records } = await everything(batched);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(rid(1))?.fields.title).toBe('Both');
    expect(byId.get(rid(2))?.fields.body).toBe('x');
    expect(byId.get(rid(4))).toMatchObject({ deleted: true, fields: { title: 'Note 4 again' } });
    expect(records.map((r) => r.rev)).toEqual([...records.map((r) => r.rev)].sort((a, b) => a! - b!));

    // A retry of the whole batch changes nothing and answers with the stored results.
    const before = await everything(batched);
    const again = await send(batched, r2, entries);
    expect(again.results).toEqual(together.results.map((r) => ({ ...r, status: 'duplicate' })));
    expect(await everything(batched)).toEqual(before);
  });

  it('stops at a gap inside a batch without writing the entries after it', async () => {
    const storage = await open();
    const { r2 } = await seed(storage);
    const response = await send(storage, r2, [note(r2, 1, 10), note(r2, 2, 11), note(r2, 4, 12)]);
    expect(response).toMatchObject({ lastSeq: 2, resumeFrom: 3 });
    const ids = (await storage.sync.getRecords([rid(10), rid(11), rid(12)])).map((r) => r.id).sort();
    expect(ids).toEqual([rid(10), rid(11)]);
    expect((await storage.sync.getResults('device-r2', 1, 9)).size).toBe(2);
  });

  it('tells a reused seq from a retry: other content under a seq it holds is not dropped as a duplicate', async () => {
    const storage = await open();
    const { r2 } = await seed(storage);
    const first = [note(r2, 1, 20), note(r2, 2, 21), note(r2, 3, 22)];
    await send(storage, r2, first);
    const before = await everything(storage);

    // A copy of the device from before seq 2 writes on: its new notes take seqs 2 and 3 again, later on.
    const later = (e: OutboxEntry): OutboxEntry => ({ ...e, at: '2030-06-02T08:00:00.000Z' });
    const reused = await send(storage, r2, [first[0]!, later(note(r2, 2, 30)), later(note(r2, 3, 31))]);
    const { fingerprint, ...firstResult } = before.results[0]!;
    expect(fingerprint).toMatch(/^[\w-]{22}$/);
    expect(reused).toEqual({ results: [{ ...firstResult, status: 'duplicate' }], lastSeq: 1, seqReused: 2 });
    // Nothing applied, nothing stored but the audit row naming the seq.
    const after = await everything(storage);
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
    expect(after.audit.slice(0, after.audit.length - before.audit.length)).toEqual([
      {
        action: 'sync.seq_reused',
        userId: r2.user.id,
        deviceId: 'device-r2',
        detail: { via: 'push', seq: 2, lastSeq: 3 },
      },
    ]);
    expect(await storage.sync.getRecords([rid(30), rid(31)])).toEqual([]);

    // A true retry of the same entries (key order and all) is still answered as duplicates.
    const retry = await send(
      storage,
      r2,
      first.map((e) => JSON.parse(JSON.stringify(e)) as OutboxEntry),
    );
    expect(retry.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(retry).not.toHaveProperty('seqReused');
    // No result leaves the server with its fingerprint.
    expect(JSON.stringify([reused, retry])).not.toContain('fingerprint');
  });

  it('uses a fixed number of storage calls per batch, however many entries it holds', async () => {
    const storage = await open();
    const { r2 } = await seed(storage);
    const batch = (from: number, size: number) =>
      Array.from({ length: size }, (_, i) => note(r2, from + i, 100 + from + i));
    // The device's first batch also registers it.
    await send(storage, r2, batch(1, 1));
    const counter = countCalls(storage);
    await send(storage, r2, batch(2, 5));
    const small = counter.calls;
    counter.calls = 0;
    await send(storage, r2, batch(7, 500));
    expect(counter.calls).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });

  it('numbers new permits from a series kept in the database, across batches and devices', async () => {
    const storage = await open();
    const { r2, sam } = await seed(storage);
    const permit = (who: Device, seq: number, n: number, extra: Record<string, string> = {}) =>
      entry(who, seq, 'record.create', permitCreate(n, extra));
    await send(storage, r2, [permit(r2, 1, 50), permit(r2, 2, 51)]);
    await send(storage, sam, [
      permit(sam, 3, 52, { number: '24-019651', importedFrom: 'city.csv', status: 'finaled' }),
      permit(sam, 4, 53),
    ]);
    const numbers = (await storage.sync.getRecords([rid(50), rid(51), rid(52), rid(53)]))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => r.fields.number);
    expect(numbers).toEqual(['2030-00001', '2030-00002', '24-019651', '2030-00003']);
    expect(await storage.sync.listSeries()).toEqual(new Map([['permit-2030', 3]]));
  });

  it('applies a record.createMany entry all together, or refuses it all together and goes on', async () => {
    const storage = await open();
    const { r2 } = await seed(storage);
    const create = (n: number, title = `Note ${n}`) => ({
      kind: 'note',
      id: rid(n),
      dept: 'roads',
      fields: { title },
    });
    const response = await send(storage, r2, [
      entry(r2, 1, 'record.createMany', { creates: [create(20), create(21), permitCreate(22)] }),
      entry(r2, 2, 'record.createMany', { creates: [create(23), create(24, ''), create(25)] }),
      note(r2, 3, 26),
    ]);
    expect(response.lastSeq).toBe(3);
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(response.results[1]?.reason).toMatchObject({
      code: 'invalid',
      field: 'title',
      params: { item: '2', of: '3', id: rid(24) },
    });
    const stored = await storage.sync.getRecords([20, 21, 22, 23, 24, 25, 26].map(rid));
    expect(stored.map((r) => r.id).sort()).toEqual([rid(20), rid(21), rid(22), rid(26)]);
    const revs = stored.filter((r) => r.id !== rid(26)).map((r) => r.rev!);
    expect(new Set(revs).size).toBe(3);
    expect(response.results[0]?.rev).toBe(Math.max(...revs));
    expect(stored.find((r) => r.id === rid(22))?.fields.number).toBe('2030-00001');
    const audit = await storage.audit.list({ limit: 1000 });
    expect(
      audit.find((a) => a.action === 'record.createMany' && (a.detail as { seq?: number }).seq === 1),
    ).toBeTruthy();
  });

  it('refuses an administrator’s record.createMany that names a department that does not exist', async () => {
    const storage = await open();
    await seed(storage);
    await storage.users.create({
      id: 'ada',
      username: 'ada',
      displayName: 'Ada Admin',
      role: 'admin',
      passwordHash: 'x',
      disabled: false,
      departments: [],
      now: NOW,
    });
    const ada = { user: (await storage.users.getById('ada'))!, clientId: 'device-a' };
    const creates = [
      { kind: 'note', id: rid(30), dept: 'roads', fields: { title: 'Fine' } },
      { kind: 'note', id: rid(31), dept: 'nowhere', fields: { title: 'Lost' } },
    ];
    const response = await send(storage, ada, [entry(ada, 1, 'record.createMany', { creates })]);
    expect(response.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid', field: 'dept' },
    });
    expect(await storage.sync.getRecords([rid(30), rid(31)])).toEqual([]);
  });
});
