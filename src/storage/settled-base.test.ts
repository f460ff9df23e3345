// Settling a push leaves confirmed rows as they are; reads never show a `base` no pending entry stands
// behind, through any kind of read, and a live query sees the change as soon as the push settles.
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeConflictRecord } from '../domain/sync/conflict-record';
import type { SyncRecord } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import { settlePush } from './outbox';
import { readRowsAsStored } from './settled-base';
import { getRecord, listRecords } from './sync-queries';
import type { StoredRecord } from './sync-rows';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { clientIdOf, writeMutation } from './write-mutation';

/** The rows exactly as stored, `base` and all. */
function stored(db: HoldfastDatabase): Promise<StoredRecord[]> {
  return db.transaction('r', db.records, () => {
    readRowsAsStored();
    return db.records.toArray();
  });
}

const acknowledge = (db: HoldfastDatabase, lastSeq: number) =>
  clientIdOf(db, 'rita').then((clientId) =>
    settlePush(db, clientId, {
      lastSeq,
      rejected: [],
      now: 'T',
      outcomes: Array.from({ length: lastSeq }, (_, i) => ({ seq: i + 1, conflicted: false, rev: 100 + i })),
    }),
  );

const server = (i: number, title: string): SyncRecord => ({
  id: n(i),
  kind: 'note',
  dept: 'public-works',
  rev: 5,
  createdAt: 'T0',
  updatedAt: 'T0',
  createdBy: 'sam',
  updatedBy: 'sam',
  deleted: false,
  fields: { title, status: 'open' },
});

describe('a settled row keeps its stale base, which no read shows', () => {
  it('does not rewrite confirmed rows, and every kind of read leaves their base out', async () => {
    const db = await freshDatabase();
    for (const i of [1, 2, 3]) await createNote(db, i);
    await acknowledge(db, 2);

    // As stored: all three still carry base (only the third is still pending).
    expect((await stored(db)).map((row) => 'base' in row)).toEqual([true, true, true]);
    const withBase = (rows: (StoredRecord | undefined)[]) => rows.map((row) => row && 'base' in row);
    expect(withBase([await db.records.get(n(1)), await db.records.get(n(3))])).toEqual([false, true]);
    expect(withBase(await db.records.bulkGet([n(1), n(2), n(3)]))).toEqual([false, false, true]);
    expect(withBase(await db.records.toArray())).toEqual([false, false, true]);
    expect(withBase(await db.records.where('[kind+updatedAt]').above(['note', '']).toArray())).toEqual([
      false,
      false,
      true,
    ]);
    // Cursor reads: a JS filter, a reversed list, and each().
    expect(withBase(await db.records.filter(() => true).toArray())).toEqual([false, false, true]);
    const eachSeen: boolean[] = [];
    await db.records.each((row) => void eachSeen.push('base' in row));
    expect(eachSeen).toEqual([false, false, true]);
    expect((await listRecords(db, 'note')).map((view) => [view.fields.title, view.pending])).toEqual([
      ['Note 3', true],
      ['Note 2', false],
      ['Note 1', false],
    ]);
    expect(await getRecord(db, n(1))).toMatchObject({ pending: false });
  });

  it('takes the row itself as the server version when a synced row is edited again', async () => {
    const db = await freshDatabase();
    await createNote(db, 1, 'First');
    await acknowledge(db, 1);
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(1), fields: { title: 'Second' } },
      ritaCtx(),
    );
    const row = await db.records.get(n(1));
    expect(row?.fields.title).toBe('Second');
    // Not the stale base (null: "the server never had it"), but the created note as confirmed.
    expect(row?.base).toMatchObject({ id: n(1), fields: { title: 'First' } });
  });

  it('keeps the base of the record a pending conflict resolution acts on (the index names only the conflict)', async () => {
    const db = await freshDatabase();
    const record = server(1, 'Kept');
    const conflict = makeConflictRecord({
      record,
      field: 'title',
      clientValue: 'Mine',
      entry: { clientId: 'other-device', seq: 4, userId: 'rita', at: 'T1' },
      now: 'T2',
    });
    await db.records.bulkPut([record, { ...conflict, rev: 6 }]);
    const resolved = await writeMutation(
      db,
      'conflict.resolve',
      { conflictId: conflict.id, value: 'Mine' },
      ritaCtx(),
    );
    expect(resolved.ok).toBe(true);
    const row = await db.records.get(n(1));
    expect(row?.fields.title).toBe('Mine');
    expect(row?.base).toMatchObject({ fields: { title: 'Kept' } });
    expect(await getRecord(db, n(1))).toMatchObject({ pending: true });
  });

  it('shows a live query the row as confirmed once the push settles', async () => {
    const db = await freshDatabase();
    await createNote(db, 1);
    const seen: boolean[] = [];
    const subscription = liveQuery(() => getRecord(db, n(1))).subscribe((view) => {
      if (view) seen.push(view.pending);
    });
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await waitFor(() => seen.length > 0);
    await acknowledge(db, 1);
    await waitFor(() => seen.at(-1) === false);
    subscription.unsubscribe();
    expect(seen[0]).toBe(true);
    expect(seen.at(-1)).toBe(false);
  });
});
