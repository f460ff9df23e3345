// Finding the pending entries on given records through the outbox's indexes, conflict resolutions included.
import { describe, expect, it } from 'vitest';
import { makeConflictRecord } from '../domain/sync/conflict-record';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { createNote, freshDatabase, n, ritaCtx } from './test/test-db';
import { pendingTouching } from './touched-records';
import { writeMutation } from './write-mutation';

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

describe('pendingTouching', () => {
  it('finds the entries of every user on the records named, and only those', async () => {
    const db = await freshDatabase();
    for (const i of [1, 2, 3]) await createNote(db, i);
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(2), fields: { title: 'Sam was here' } },
      ritaCtx({ userId: 'sam' }),
    );
    const { entries } = await pendingTouching(db, new Set([n(2), n(3)]));
    expect(entries.map((e) => [e.userId, e.seq]).sort()).toEqual([
      ['rita', 2],
      ['rita', 3],
      ['sam', 1],
    ]);
    expect((await pendingTouching(db, new Set())).entries).toEqual([]);
  });

  it('finds a conflict resolution by the record the conflict is about, and returns that conflict', async () => {
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
    await createNote(db, 2);

    const byRecord = await pendingTouching(db, new Set([n(1)]));
    expect(byRecord.entries.map((e) => e.name)).toEqual(['conflict.resolve']);
    expect(byRecord.rows.get(conflict.id)?.kind).toBe('conflict');
    const byConflict = await pendingTouching(db, new Set([conflict.id]));
    expect(byConflict.entries.map((e) => e.seq)).toEqual([1]);
    expect((await pendingTouching(db, new Set([n(2)]))).entries.map((e) => e.seq)).toEqual([2]);
  });

  it("finds an entry by the parent it acts on (a permit's status change, by the permit)", async () => {
    const db = await freshDatabase();
    const created = await writeMutation(
      db,
      'record.create',
      {
        kind: 'permit',
        id: n(1),
        dept: 'public-works',
        fields: {
          permitType: 'Deck',
          description: 'Deck',
          address: '5 Elm St',
          applicantName: 'Ana',
          appliedDate: '2025-03-01',
        },
      },
      ritaCtx(),
    );
    expect(created.ok).toBe(true);
    await writeMutation(
      db,
      'entry.append',
      {
        kind: 'permit_status_event',
        id: n(2),
        dept: 'public-works',
        fields: { permitId: n(1), from: 'submitted', to: 'issued' },
      },
      ritaCtx(),
    );
    const found = await pendingTouching(db, new Set([n(1)]));
    expect(found.entries.map((e) => e.seq).sort()).toEqual([1, 2]);
    expect(found.entries.every((e) => !('touched' in e))).toBe(true);
  });

  it('with many ids, reads the range between them once and keeps only the entries on those ids', async () => {
    const db = await freshDatabase();
    for (let i = 1; i <= 40; i += 1) await createNote(db, i);
    // Another user's edit of a record inside the range, and entries on ids between those asked for.
    await writeMutation(
      db,
      'record.update',
      { kind: 'note', id: n(20), fields: { title: 'Sam was here' } },
      ritaCtx({ userId: 'sam' }),
    );
    const asked = new Set(Array.from({ length: 20 }, (_, i) => n(2 * i + 1)).concat(n(20)));
    const expected = [...Array.from({ length: 20 }, (_, i) => ['rita', 2 * i + 1]), ['rita', 20], ['sam', 1]];
    const sort = (list: (string | number)[][]) =>
      list.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    const found = await pendingTouching(db, asked);
    expect(sort(found.entries.map((e) => [e.userId, e.seq]))).toEqual(sort(expected));
    expect(found.entries.every((e) => !('touched' in e))).toBe(true);

    // Entries in hand are returned as given, the others read from the table.
    const inHand = (await db.outbox.where('userId').equals('rita').toArray())
      .filter((row) => row.seq <= 10)
      .map(({ status: _status, touched: _touched, ...entry }) => ({ ...entry, at: 'held' }) as OutboxEntry);
    const again = await pendingTouching(db, asked, new Map(), inHand);
    expect(sort(again.entries.map((e) => [e.userId, e.seq]))).toEqual(sort(expected));
    expect(
      again.entries
        .filter((e) => e.at === 'held')
        .map((e) => e.seq)
        .sort((a, b) => a - b),
    ).toEqual([1, 3, 5, 7, 9]);
  });

  it('falls back to one lookup per id when the range between the ids holds far more entries', async () => {
    const db = await freshDatabase();
    for (let i = 1; i <= 200; i += 1) await createNote(db, i);
    const asked = new Set([...Array.from({ length: 16 }, (_, i) => n(i + 1)), n(200)]);
    const found = await pendingTouching(db, asked);
    expect(found.entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => i + 1),
      200,
    ]);
  });
});
