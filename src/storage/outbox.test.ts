// Settling a push: acknowledged entries leave, refusals move to "Needs attention" and are undone locally.
import { describe, expect, it } from 'vitest';
import { getMeta } from './meta';
import { dropSettledBases, pendingEntries, settlePush } from './outbox';
import { settledView } from './sync-rows';
import { countRejections, listRejections } from './sync-queries';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { writeCreateBatch } from './write-batch';
import { clientIdOf, writeMutation } from './write-mutation';

describe('settlePush', () => {
  it('deletes only entries up to lastSeq', async () => {
    const db = await freshDatabase();
    for (const i of [1, 2, 3]) await createNote(db, i);
    const clientId = await clientIdOf(db, 'rita');
    await settlePush(db, clientId, { lastSeq: 2, rejected: [], now: 'now' });
    expect((await pendingEntries(db, clientId, 10)).map((e) => e.seq)).toEqual([3]);
  });

  it('moves a refused entry to rejections and undoes its effect on the record', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Created');
    const update = (title: string) =>
      writeMutation(db, 'record.update', { kind: 'note', id: n(1), fields: { title } }, ritaCtx());
    await update('Refused');
    await update('Later');
    const clientId = await clientIdOf(db, 'rita');
    const reason = { code: 'invalid' as const, message: 'No.' };
    // The create applied, the first update was refused; the second is still pending.
    await settlePush(db, clientId, { lastSeq: 2, rejected: [{ seq: 2, reason }], now: 'T' });
    expect(await countRejections(db, 'rita')).toBe(1);
    const [rejection] = await listRejections(db, 'rita');
    expect(rejection).toMatchObject({ seq: 2, reason, entry: { name: 'record.update' } });
    expect((await db.records.get(n(1)))?.fields.title).toBe('Later');
  });

  it('removes a locally created record whose create was refused', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const clientId = await clientIdOf(db, 'rita');
    const reason = { code: 'forbidden' as const, message: 'Not your department.' };
    await settlePush(db, clientId, { lastSeq: 1, rejected: [{ seq: 1, reason }], now: 'T' });
    expect(await db.records.get(n(1))).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('settles an import entry as a whole: refused, all its records leave the device; applied, they stay', async () => {
    const db = await freshDatabase();
    const note = (i: number) => ({
      kind: 'note',
      id: n(i),
      dept: 'public-works',
      fields: { title: `Imported ${i}` },
    });
    await writeCreateBatch(db, [note(1), note(2), note(3)], ritaCtx());
    await writeCreateBatch(db, [note(4), note(5)], ritaCtx());
    const clientId = await clientIdOf(db, 'rita');
    const reason = { code: 'invalid' as const, message: 'Record 2 of 3: Title is required.' };
    await settlePush(db, clientId, { lastSeq: 2, rejected: [{ seq: 1, reason }], now: 'T' });
    const [rejection] = await listRejections(db, 'rita');
    expect(rejection).toMatchObject({ seq: 1, reason, entry: { name: 'record.createMany' } });
    expect(await db.records.bulkGet([n(1), n(2), n(3)])).toEqual([undefined, undefined, undefined]);
    const kept = await db.records.bulkGet([n(4), n(5)]);
    expect(kept.map((row) => [row?.fields.title, row && 'base' in row])).toEqual([
      ['Imported 4', false],
      ['Imported 5', false],
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  describe('an acknowledged edit over the version this device last pulled', () => {
    const pulled = {
      id: n(1),
      kind: 'note',
      dept: 'public-works',
      rev: 10,
      createdAt: 'T0',
      updatedAt: 'T1',
      createdBy: 'sam',
      updatedBy: 'sam',
      deleted: false,
      fields: { title: 'Server', status: 'open' },
    };
    async function editedOffline() {
      const db = await freshDatabase();
      await db.records.put(pulled);
      await writeMutation(
        db,
        'record.update',
        { kind: 'note', id: n(1), fields: { title: 'Mine' } },
        ritaCtx(),
      );
      return { db, clientId: await clientIdOf(db, 'rita') };
    }

    it('is shown applied while the server wrote it after that version (until a pull brings it)', async () => {
      const { db, clientId } = await editedOffline();
      const outcomes = [{ seq: 1, conflicted: false, rev: 11 }];
      await settlePush(db, clientId, { lastSeq: 1, rejected: [], now: 'T', outcomes });
      expect((await db.records.get(n(1)))?.fields.title).toBe('Mine');
    });

    it('is not replayed when that version already contains it (its answer was lost, a pull came first)', async () => {
      const { db, clientId } = await editedOffline();
      const outcomes = [{ seq: 1, conflicted: false, rev: 7 }];
      await settlePush(db, clientId, { lastSeq: 1, rejected: [], now: 'T', outcomes });
      expect((await db.records.get(n(1)))?.fields.title).toBe('Server');
    });

    it('is not replayed when it conflicted: the server kept its own value', async () => {
      const { db, clientId } = await editedOffline();
      const outcomes = [{ seq: 1, conflicted: true, rev: 12 }];
      await settlePush(db, clientId, { lastSeq: 1, rejected: [], now: 'T', outcomes });
      const row = await db.records.get(n(1));
      expect(row?.fields.title).toBe('Server');
      expect(row && 'base' in row).toBe(false);
    });
  });

  it('keeps a record touched by a later pending entry of another user, on top of the applied one', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Rita');
    await createNote(db, 2, 'Alone');
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { title: 'Sam' } },
      ritaCtx({ userId: 'sam' }),
    );
    const clientId = await clientIdOf(db, 'rita');
    await settlePush(db, clientId, { lastSeq: 2, rejected: [], now: 'T' });
    const one = await db.records.get(n(1));
    expect(one?.fields.title).toBe('Sam');
    expect(one?.base?.fields.title).toBe('Rita');
    const two = await db.records.get(n(2));
    expect(two?.fields.title).toBe('Alone');
    expect(two && 'base' in two).toBe(false);
    expect((await db.outbox.toArray()).map((e) => e.userId)).toEqual(['sam']);
  });

  it('reads only the outbox entries on the settled records, however long the outbox is', async () => {
    const db = await freshDatabase();
    for (let i = 1; i <= 60; i += 1) await createNote(db, i);
    const clientId = await clientIdOf(db, 'rita');
    let read = 0;
    db.outbox.hook('reading', (row) => {
      read += 1;
      return row;
    });
    await settlePush(db, clientId, { lastSeq: 2, rejected: [], now: 'T' });
    // The two settled entries themselves, not the 58 still waiting.
    expect(read).toBeLessThanOrEqual(4);
    expect(await db.outbox.count()).toBe(58);
  });
});

describe('settled seqs: confirmed rows are not rewritten', () => {
  const update = (db: Awaited<ReturnType<typeof freshDatabase>>, title: string, ctx = ritaCtx()) =>
    writeMutation(db, 'record.update', { kind: 'note', id: n(1), fields: { title } }, ctx);
  const shown = async (db: Awaited<ReturnType<typeof freshDatabase>>, id: string) => {
    const row = await db.records.get(id);
    return row && settledView(row, (await getMeta(db, 'settledSeqs')) ?? {});
  };

  it('leaves a confirmed row as it is, stamped, and every reader sees it without base', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Created');
    const clientId = await clientIdOf(db, 'rita');
    expect((await db.records.get(n(1)))?.stamp).toEqual([clientId, 1]);
    const settled = await settlePush(db, clientId, {
      lastSeq: 1,
      rejected: [],
      now: 'T',
      keepSettledBases: true,
    });
    expect(settled.lingering).toEqual([n(1)]);
    expect(await db.records.get(n(1))).toMatchObject({ base: null, stamp: [clientId, 1] });
    expect(await shown(db, n(1))).not.toHaveProperty('base');
    expect(await dropSettledBases(db, [n(1)])).toBe(1);
    expect(await db.records.get(n(1))).not.toHaveProperty('stamp');
  });

  it('a refused edit of a confirmed record falls back to the confirmed version, not the stale base', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Created');
    const clientId = await clientIdOf(db, 'rita');
    await settlePush(db, clientId, { lastSeq: 1, rejected: [], now: 'T', keepSettledBases: true });
    // The row still holds base: null from its create. The edit must start from the confirmed record.
    await update(db, 'Refused');
    expect((await db.records.get(n(1)))?.base).toMatchObject({ fields: { title: 'Created' } });
    const reason = { code: 'invalid' as const, message: 'No.' };
    await settlePush(db, clientId, {
      lastSeq: 2,
      rejected: [{ seq: 2, reason }],
      now: 'T',
      keepSettledBases: true,
    });
    // Read with the stale base, the refusal would have removed the record from the device.
    expect(await shown(db, n(1))).toMatchObject({ fields: { title: 'Created' } });
    expect(await shown(db, n(1))).not.toHaveProperty('base');
  });

  it('a row with pending changes of two users keeps its base until both are confirmed', async () => {
    const db = await freshDatabase();
    const sam = ritaCtx({ userId: 'sam' });
    await createNote(db, 1, 'Created');
    const rita = await clientIdOf(db, 'rita');
    await update(db, 'By Sam', sam);
    expect(await db.records.get(n(1))).not.toHaveProperty('stamp');
    await settlePush(db, rita, { lastSeq: 1, rejected: [], now: 'T', keepSettledBases: true });
    // Sam's edit is still unsent: the row shows a local change, based on Rita's confirmed create.
    expect(await shown(db, n(1))).toMatchObject({ base: { fields: { title: 'Created' } } });
    await settlePush(db, await clientIdOf(db, 'sam'), {
      lastSeq: 1,
      rejected: [],
      now: 'T',
      keepSettledBases: true,
    });
    expect(await shown(db, n(1))).not.toHaveProperty('base');
    expect((await shown(db, n(1)))?.fields.title).toBe('By Sam');
  });

  it('never marks seqs the device has not written as settled, whatever lastSeq the server answers', async () => {
    // A device restored from an older copy: the server answers its seq 1 `duplicate` with lastSeq 5.
    const db = await freshDatabase();
    await createNote(db, 1, 'Created');
    const clientId = await clientIdOf(db, 'rita');
    await settlePush(db, clientId, { lastSeq: 5, rejected: [], now: 'T', keepSettledBases: true });
    expect(await getMeta(db, 'settledSeqs')).toEqual({ [clientId]: 1 });
    // The next edit (seq 2) has not reached the server: it shows as a local change on the confirmed record.
    await update(db, 'Edited');
    expect(await shown(db, n(1))).toMatchObject({
      fields: { title: 'Edited' },
      base: { fields: { title: 'Created' } },
    });
    const reason = { code: 'invalid' as const, message: 'No.' };
    await settlePush(db, clientId, { lastSeq: 2, rejected: [{ seq: 2, reason }], now: 'T' });
    expect((await shown(db, n(1)))?.fields.title).toBe('Created');
  });

  it('a later edit restamps the row, so confirming the earlier entry leaves it pending', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'Created');
    await update(db, 'Edited');
    const clientId = await clientIdOf(db, 'rita');
    expect((await db.records.get(n(1)))?.stamp).toEqual([clientId, 2]);
    await settlePush(db, clientId, { lastSeq: 1, rejected: [], now: 'T', keepSettledBases: true });
    expect(await shown(db, n(1))).toHaveProperty('base');
    expect(await dropSettledBases(db, [n(1)])).toBe(0);
    await settlePush(db, clientId, { lastSeq: 2, rejected: [], now: 'T', keepSettledBases: true });
    expect(await shown(db, n(1))).not.toHaveProperty('base');
  });
});
