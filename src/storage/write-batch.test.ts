// The batch write path: every create with its outbox entry in one transaction, or nothing.
import { describe, expect, it } from 'vitest';
import type { CreateRecordArgs } from '../domain/sync/mutation-types';
import { getMeta } from './meta';
import { listSavedMappings, saveMapping, deleteSavedMapping } from './saved-mappings';
import { StorageQuotaError } from './storage-errors';
import type { HoldfastDatabase } from './database';
import type { StoredRecord } from './sync-rows';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { writeCreateBatch, writeCreates, type CreateSource } from './write-batch';

const permit = (i: number, extra: Record<string, string> = {}): CreateRecordArgs => ({
  kind: 'permit',
  id: n(100 + i),
  dept: 'public-works',
  fields: {
    number: `P-${i}`,
    permitType: 'Deck',
    description: 'New deck',
    address: `${i} Elm St`,
    appliedDate: '2024-01-02',
    status: 'finaled',
    importedFrom: 'city.csv',
    ...extra,
  },
});

/** Synced notes as a pull stores them (no local changes), under the given ids. */
const storedNotes = (ids: readonly string[]): StoredRecord[] =>
  ids.map((id, i) => ({
    id,
    kind: 'note',
    dept: 'public-works',
    rev: 1,
    fields: { title: `n${i}` },
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'rita',
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 'rita',
    deleted: false,
  }));

/** Every id the batch write reads back from the records store, in order (a spy on bulkGet). */
function recordReads(db: HoldfastDatabase): string[] {
  const read: string[] = [];
  const bulkGet = db.records.bulkGet.bind(db.records);
  db.records.bulkGet = ((ids: string[]) => {
    read.push(...ids);
    return bulkGet(ids);
  }) as typeof db.records.bulkGet;
  return read;
}

describe('writeCreateBatch', () => {
  it('writes every record, queued as record.createMany entries of up to 100 creates, seqs after the ones used', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const creates = Array.from({ length: 250 }, (_, i) => permit(i));
    const result = await writeCreateBatch(db, creates, ritaCtx());
    expect(result).toEqual({ ok: true, written: 250, skipped: [] });
    const outbox = await db.outbox.orderBy('[clientId+seq]').toArray();
    expect(outbox.map((e) => [e.seq, e.name])).toEqual([
      [1, 'record.create'],
      [2, 'record.createMany'],
      [3, 'record.createMany'],
      [4, 'record.createMany'],
    ]);
    expect(outbox[1]).toMatchObject({
      args: { creates: creates.slice(0, 100) },
      status: 'pending',
      userId: 'rita',
    });
    expect(outbox[3]!.args).toEqual({ creates: creates.slice(200) });
    expect(outbox[1]!.baseRevs).toEqual(Object.fromEntries(creates.slice(0, 100).map((c) => [c.id, null])));
    // The outbox's index names every record of the entry, so settling and pulling find it by any of them.
    expect(outbox[2]!.touched).toEqual(creates.slice(100, 200).map((c) => c.id));
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(5);
    const row = await db.records.get(n(105));
    expect(row).toMatchObject({ kind: 'permit', base: null, fields: { number: 'P-5', status: 'finaled' } });
    expect(row?.terms).toContain('permit:p-5');
    expect(await db.records.count()).toBe(251);
  });

  it('reports progress chunk by chunk, each chunk its own entries, and queues a lone create as record.create', async () => {
    const db = await freshDatabase();
    const progress: number[] = [];
    const creates = Array.from({ length: 21 }, (_, i) => permit(i));
    const result = await writeCreateBatch(db, creates, ritaCtx(), {
      chunkSize: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toEqual({ ok: true, written: 21, skipped: [] });
    expect(progress).toEqual([10, 20, 21]);
    const outbox = await db.outbox.orderBy('[clientId+seq]').toArray();
    expect(outbox.map((e) => [e.seq, e.name])).toEqual([
      [1, 'record.createMany'],
      [2, 'record.createMany'],
      [3, 'record.create'],
    ]);
    expect(outbox[2]).toMatchObject({ args: creates[20], baseRevs: { [n(120)]: null } });
  });

  it('refuses the whole batch when one create is invalid, naming its index, and writes nothing', async () => {
    const db = await freshDatabase();
    const creates = [permit(1), permit(2), permit(3, { appliedDate: 'soon' })];
    const result = await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 1 });
    expect(result).toMatchObject({
      ok: false,
      index: 2,
      rejected: { code: 'invalid', field: 'appliedDate' },
    });
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'syncClients')).toBeNull();
  });

  it('rolls back the chunks already being stored when a later chunk is refused', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const creates = Array.from({ length: 25 }, (_, i) => permit(i, i === 22 ? { appliedDate: 'soon' } : {}));
    const result = await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 10 });
    expect(result).toMatchObject({ ok: false, index: 22 });
    expect(await db.records.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(2);
  });

  it('skips ids already on the device when asked, so the same import twice adds nothing', async () => {
    const db = await freshDatabase();
    const creates = [permit(1), permit(2)];
    await writeCreateBatch(db, creates, ritaCtx(), { skipExisting: true });
    const again = await writeCreateBatch(db, [...creates, permit(3)], ritaCtx(), { skipExisting: true });
    expect(again).toEqual({ ok: true, written: 1, skipped: [n(101), n(102)] });
    expect(await db.records.count()).toBe(3);
    // One entry for the first two, one for the third.
    expect(await db.outbox.count()).toBe(2);
  });

  it('reads back only the ids that may be stored: none on an empty device, each one on a full device', async () => {
    const empty = await freshDatabase();
    const emptyReads = recordReads(empty);
    const creates = Array.from({ length: 30 }, (_, i) => permit(i));
    expect(await writeCreateBatch(empty, creates, ritaCtx(), { chunkSize: 10 })).toMatchObject({
      ok: true,
      written: 30,
    });
    expect(emptyReads).toEqual([]);
    // Four records per create: the census still runs, and rules them all out.
    const four = await freshDatabase();
    await four.records.bulkPut(storedNotes(Array.from({ length: 120 }, (_, i) => n(5000 + i))));
    const fourReads = recordReads(four);
    expect(await writeCreateBatch(four, creates, ritaCtx(), { chunkSize: 10 })).toMatchObject({ ok: true });
    expect(fourReads).toEqual([]);
    // One more: the census stops at the 121st key and every id is read, as before.
    const full = await freshDatabase();
    await full.records.bulkPut(storedNotes(Array.from({ length: 121 }, (_, i) => n(5000 + i))));
    const fullReads = recordReads(full);
    expect(await writeCreateBatch(full, creates, ritaCtx(), { chunkSize: 10 })).toMatchObject({ ok: true });
    expect(fullReads).toEqual(creates.map((c) => c.id));
  });

  it('finds stored ids beyond the first page of the key census', async () => {
    const db = await freshDatabase();
    // 5,001 stored records, one of them an id the batch creates, past the census's first page of 5,000
    // (the others' ids sort before every n(i)).
    const ids = Array.from({ length: 5_000 }, (_, i) => n(i).replace('-7000-', '-6000-'));
    await db.records.bulkPut(storedNotes([...ids, n(107)]));
    const creates = Array.from({ length: 1_300 }, (_, i) => permit(i));
    const read = recordReads(db);
    const result = await writeCreateBatch(db, creates, ritaCtx(), { skipExisting: true });
    expect(result).toEqual({ ok: true, written: 1_299, skipped: [n(107)] });
    // The census ran (5,001 records is within four per create): the stored id is read, and only a few
    // others the filter cannot rule out, not all 1,300.
    expect(read).toContain(n(107));
    expect(read.length).toBeLessThan(100);
    expect((await db.records.get(n(107)))?.kind).toBe('note');
  });

  it('refuses a second create of an id written chunks before, not only in the chunk just before', async () => {
    const db = await freshDatabase();
    const moved = { ...permit(1), fields: { ...permit(1).fields, address: 'Elsewhere' } };
    const creates = [permit(1), permit(2), permit(3), permit(4), moved];
    expect(await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 1 })).toMatchObject({
      ok: false,
      index: 4,
      rejected: { code: 'duplicate' },
    });
    expect(await db.records.count()).toBe(0);
    const skipping = await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 1, skipExisting: true });
    expect(skipping).toEqual({ ok: true, written: 4, skipped: [n(101)] });
  });

  it('refuses a create for another department than the user’s', async () => {
    const db = await freshDatabase();
    const result = await writeCreateBatch(db, [{ ...permit(1), dept: 'parks' }], ritaCtx());
    expect(result).toMatchObject({ ok: false, index: 0, rejected: { code: 'forbidden' } });
  });

  it('rolls back everything on a quota error', async () => {
    const db = await freshDatabase();
    let count = 0;
    db.records.hook('creating', () => {
      if (++count > 15) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const creates = Array.from({ length: 30 }, (_, i) => permit(i));
    const error = await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

/** Creates made on demand, with a log of when each chunk was asked for and each was stored. */
function lazySource(creates: readonly CreateRecordArgs[], log: string[]): CreateSource {
  return {
    count: creates.length,
    slice: (from, to) => {
      log.push(`made ${from}`);
      return creates.slice(from, to);
    },
  };
}

/**
 * Each record's stamp names the outbox entry that holds its create. Checked here, then left out of the
 * rows compared: the client id is each database's own, and the seq follows how the chunks group creates.
 */
async function checkStamps(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const entryOf = new Map<string, [string, number]>();
  for (const e of await db.outbox.toArray())
    for (const c of e.name === 'record.createMany' ? e.args.creates : [e.args as { id: string }])
      entryOf.set(c.id, [e.clientId, e.seq]);
  const records = await db.records.orderBy(':id').toArray();
  for (const row of records) expect(row.stamp, row.id).toEqual(entryOf.get(row.id));
  return records.map(({ stamp: _, ...row }) => row);
}

const rowsOf = async (db: Awaited<ReturnType<typeof freshDatabase>>) => ({
  records: await checkStamps(db),
  outbox: (await db.outbox.orderBy('[clientId+seq]').toArray()).map(({ clientId: _, ...entry }) => entry),
});

describe('writeCreates: creates made chunk by chunk', () => {
  it('asks for each chunk only when the one two before it is stored, and writes what the whole array writes', async () => {
    const creates = Array.from({ length: 95 }, (_, i) => permit(i));
    const log: string[] = [];
    const lazy = await freshDatabase();
    const result = await writeCreates(lazy, lazySource(creates, log), ritaCtx(), {
      chunkSize: 10,
      onProgress: (done) => log.push(`stored ${done}`),
    });
    expect(result).toEqual({ ok: true, written: 95, skipped: [] });
    // At most three chunks in hand: the one being stored, the one being checked and the one just made.
    let stored = 0;
    for (const event of log) {
      const [what, at] = event.split(' ') as [string, string];
      if (what === 'stored') stored = Number(at);
      else expect(Number(at) - stored, log.join(', ')).toBeLessThanOrEqual(20);
    }
    expect(log.filter((e) => e.startsWith('made'))).toHaveLength(10);
    const whole = await freshDatabase();
    await writeCreateBatch(whole, creates, ritaCtx(), { chunkSize: 10 });
    expect(await rowsOf(lazy)).toEqual(await rowsOf(whole));
  });

  it('stores the same records and queues the same creates in order whatever the chunk size', async () => {
    const creates = Array.from({ length: 230 }, (_, i) => permit(i));
    const results = [];
    for (const chunkSize of [1, 7, 100, 1000]) {
      const db = await freshDatabase();
      await createNote(db, 1);
      await writeCreates(db, lazySource(creates, []), ritaCtx(), { chunkSize });
      const { records, outbox } = await rowsOf(db);
      expect(outbox.map((e) => e.seq)).toEqual(outbox.map((_, i) => i + 1));
      results.push({
        records,
        queued: outbox.slice(1).flatMap((e) => (e.name === 'record.createMany' ? e.args.creates : [e.args])),
        nextSeq: (await getMeta(db, 'syncClients'))?.rita?.nextSeq,
        seqs: outbox.length,
      });
    }
    const [first, ...others] = results;
    expect(first!.queued).toEqual(creates);
    expect(first!.nextSeq).toBe(first!.seqs + 1);
    for (const other of others) {
      expect(other.records).toEqual(first!.records);
      expect(other.queued).toEqual(first!.queued);
      expect(other.nextSeq).toBe(other.seqs + 1);
    }
  });

  it('writes nothing when a create of a later chunk is refused, and makes no chunk after it', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const creates = Array.from({ length: 50 }, (_, i) => permit(i, i === 27 ? { appliedDate: 'soon' } : {}));
    const log: string[] = [];
    const result = await writeCreates(db, lazySource(creates, log), ritaCtx(), {
      chunkSize: 10,
      onProgress: (done) => log.push(`stored ${done}`),
    });
    expect(result).toMatchObject({ ok: false, index: 27, rejected: { field: 'appliedDate' } });
    expect(log).not.toContain('made 40');
    expect(await db.records.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(2);
  });

  for (const chunkSize of [2, 3])
    it(`lets each create see the ones before it, within a chunk and across chunks (chunks of ${chunkSize})`, async () => {
      const db = await freshDatabase();
      const again = [permit(1), permit(2), permit(1), permit(3), permit(2)];
      // The same create twice changes nothing the second time, as two writeMutation calls would not.
      expect(await writeCreates(db, lazySource(again, []), ritaCtx(), { chunkSize })).toEqual({
        ok: true,
        written: 3,
        skipped: [],
      });
      const outbox = await db.outbox.toArray();
      expect(outbox.flatMap((e) => (e.name === 'record.createMany' ? e.args.creates : [e.args]))).toEqual([
        permit(1),
        permit(2),
        permit(3),
      ]);
      const fresh = await freshDatabase();
      const skipping = await writeCreates(fresh, lazySource(again, []), ritaCtx(), {
        chunkSize,
        skipExisting: true,
      });
      expect(skipping).toEqual({ ok: true, written: 3, skipped: [n(101), n(102)] });
      // A different create with an id the batch has already written is refused, and nothing is written.
      const other = await freshDatabase();
      const moved = { ...permit(1), fields: { ...permit(1).fields, address: 'Elsewhere' } };
      for (const clash of [
        [permit(1), moved],
        [permit(1), permit(2), permit(3), moved],
      ]) {
        expect(await writeCreates(other, lazySource(clash, []), ritaCtx(), { chunkSize })).toMatchObject({
          ok: false,
          index: clash.length - 1,
          rejected: { code: 'duplicate' },
        });
        expect(await other.records.count()).toBe(0);
      }
    });
});

describe('saved mappings', () => {
  it('saves, replaces by name, lists by name and deletes', async () => {
    const db = await freshDatabase();
    const statuses = { byValue: { Final: 'finaled' as const }, fallback: 'submitted' as const };
    await saveMapping(db, { name: 'Zeta', mapping: { number: 'FILENO' }, statuses, savedAt: 'a' });
    await saveMapping(db, { name: 'Alpha', mapping: { number: 'PermitNum' }, statuses, savedAt: 'b' });
    await saveMapping(db, { name: 'Zeta', mapping: { number: 'Ref' }, statuses, savedAt: 'c' });
    const list = await listSavedMappings(db);
    expect(list.map((m) => [m.name, m.mapping.number])).toEqual([
      ['Alpha', 'PermitNum'],
      ['Zeta', 'Ref'],
    ]);
    await deleteSavedMapping(db, 'Alpha');
    expect((await listSavedMappings(db)).map((m) => m.name)).toEqual(['Zeta']);
  });
});
