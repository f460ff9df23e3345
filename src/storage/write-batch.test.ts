// The batch write path: every create with its outbox entry in one transaction, or nothing.
import { describe, expect, it } from 'vitest';
import type { CreateRecordArgs } from '../domain/sync/mutation-types';
import { getMeta } from './meta';
import { listSavedMappings, saveMapping, deleteSavedMapping } from './saved-mappings';
import { StorageQuotaError } from './storage-errors';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { writeCreateBatch } from './write-batch';

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

describe('writeCreateBatch', () => {
  it('writes every record and its own outbox entry, with seqs after the ones already used', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const progress: number[] = [];
    const creates = Array.from({ length: 25 }, (_, i) => permit(i));
    const result = await writeCreateBatch(db, creates, ritaCtx(), {
      chunkSize: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toEqual({ ok: true, written: 25, skipped: [] });
    expect(progress).toEqual([10, 20, 25]);
    const outbox = await db.outbox.orderBy('[clientId+seq]').toArray();
    expect(outbox.map((e) => e.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(outbox[1]).toMatchObject({
      name: 'record.create',
      args: creates[0],
      status: 'pending',
      userId: 'rita',
    });
    expect(outbox[1]!.baseRevs).toEqual({ [n(100)]: null });
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(27);
    const row = await db.records.get(n(105));
    expect(row).toMatchObject({ kind: 'permit', base: null, fields: { number: 'P-5', status: 'finaled' } });
    expect(row?.terms).toContain('permit:p-5');
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
    expect(await db.outbox.count()).toBe(3);
  });

  it('refuses a create for another department than the user’s', async () => {
    const db = await freshDatabase();
    const result = await writeCreateBatch(db, [{ ...permit(1), dept: 'parks' }], ritaCtx());
    expect(result).toMatchObject({ ok: false, index: 0, rejected: { code: 'forbidden' } });
  });

  it('rolls back everything on a quota error', async () => {
    const db = await freshDatabase();
    let count = 0;
    db.outbox.hook('creating', () => {
      if (++count > 15) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const creates = Array.from({ length: 30 }, (_, i) => permit(i));
    const error = await writeCreateBatch(db, creates, ritaCtx(), { chunkSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
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
