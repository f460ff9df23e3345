// The write path: records and outbox entry together, gap-free seqs across tabs, quota failures roll back.
import { describe, expect, it } from 'vitest';
import { HoldfastDatabase } from './database';
import { getMeta } from './meta';
import { StorageQuotaError } from './storage-errors';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

describe('writeMutation', () => {
  it('writes the record and its outbox entry with seq, baseRevs, time and user', async () => {
    const db = await freshDatabase();
    const result = await createNote(db, 1, 'Culvert');
    expect(result.ok).toBe(true);
    const row = await db.records.get(n(1));
    expect(row).toMatchObject({ fields: { title: 'Culvert', status: 'open' }, base: null });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ seq: 1, name: 'record.create', userId: 'rita', status: 'pending' });
    expect(entry?.baseRevs).toEqual({ [n(1)]: null });
    expect(entry?.at).toBe('2025-03-04T09:00:00.000Z');
  });

  it('refuses an invalid change and writes nothing', async () => {
    const db = await freshDatabase();
    const result = await writeMutation(
      db,
      'record.create',
      { kind: 'note', id: n(1), dept: 'public-works', fields: { title: '' } },
      ritaCtx(),
    );
    expect(result).toMatchObject({ ok: false, rejected: { code: 'invalid', field: 'title' } });
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('adds no outbox entry for a change that changes nothing', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Same');
    const again = await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { title: 'Same' } },
      ritaCtx(),
    );
    expect(again).toMatchObject({ ok: true, entry: null });
    expect(await db.outbox.count()).toBe(1);
  });

  it('gives gap-free seqs when two tabs write at the same time', async () => {
    const db = await freshDatabase();
    const other = new HoldfastDatabase(db.name);
    await other.open();
    const writes = Array.from({ length: 40 }, (_, i) => createNote(i % 2 ? db : other, i + 1));
    const results = await Promise.all(writes);
    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = (await db.outbox.toArray()).map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await db.records.count()).toBe(40);
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(41);
    other.close();
  });

  it('gives each user of the device their own client id and sequence', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    await createNote(db, 2, 'Sam’s', ritaCtx({ userId: 'sam' }));
    const rows = await db.outbox.toArray();
    const rita = rows.find((r) => r.userId === 'rita');
    const sam = rows.find((r) => r.userId === 'sam');
    expect(rita?.seq).toBe(1);
    expect(sam?.seq).toBe(1);
    expect(rita?.clientId).not.toBe(sam?.clientId);
  });

  it('keeps the server version as base across several local edits', async () => {
    const db = await freshDatabase();
    await db.records.put({
      id: n(1),
      kind: 'note',
      dept: 'public-works',
      rev: 7,
      createdAt: 'x',
      updatedAt: 'x',
      createdBy: 'sam',
      updatedBy: 'sam',
      deleted: false,
      fields: { title: 'Server', status: 'open' },
    });
    const update = (title: string) =>
      writeMutation(db, 'record.update', { kind: 'note', id: n(1), fields: { title } }, ritaCtx());
    await update('One');
    await update('Two');
    const row = await db.records.get(n(1));
    expect(row?.fields.title).toBe('Two');
    expect(row?.base?.fields.title).toBe('Server');
    expect((await db.outbox.toArray()).map((e) => e.baseRevs[n(1)])).toEqual([7, 7]);
  });

  it('rolls everything back on a quota error and says so with a typed error', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await createNote(db, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect(await db.records.get(n(2))).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect((await getMeta(db, 'syncClients'))?.rita?.nextSeq).toBe(2);
  });
});
